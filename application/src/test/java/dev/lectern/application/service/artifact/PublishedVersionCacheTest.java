package dev.lectern.application.service.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedVersionCacheTest {
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final PublishedVersionCache cache =
      new PublishedVersionCache(store, Duration.ofHours(1), 1000);
  private final ArtifactKey key = new ArtifactKey("o", new CollectionId("c"), new ArtifactId("a"));

  @Test
  void remembersAnswersUntilAWriteThroughItTouchesTheArtifact() {
    publish(cache, 1);
    assertThat(cache.findPublished(List.of(key)).get(key).version()).isEqualTo(1);

    publish(store, 2); // behind the cache's back: the remembered answer stays
    assertThat(cache.findPublished(List.of(key)).get(key).version()).isEqualTo(1);

    publish(cache, 3); // through the cache: forgotten, read again
    assertThat(cache.findPublished(List.of(key)).get(key).version()).isEqualTo(3);

    cache.claimDelete(key);
    assertThat(cache.findPublished(List.of(key))).isEmpty();
  }

  @Test
  void remembersThatAnArtifactIsNotPublishedUntilItIs() {
    assertThat(cache.findPublished(List.of(key))).isEmpty();
    publish(cache, 1);
    assertThat(cache.findPublished(List.of(key))).containsOnlyKeys(key);
  }

  @Test
  void readsAgainOnceAnAnswerIsOlderThanTheAgeLimit() {
    long[] now = {0};
    PublishedVersionCache aging =
        new PublishedVersionCache(store, () -> now[0], Duration.ofSeconds(30), 1000);
    publish(aging, 1);
    assertThat(aging.findPublished(List.of(key)).get(key).version()).isEqualTo(1);
    publish(store, 2);

    now[0] = Duration.ofSeconds(29).toNanos();
    assertThat(aging.findPublished(List.of(key)).get(key).version()).isEqualTo(1);
    now[0] = Duration.ofSeconds(31).toNanos();
    assertThat(aging.findPublished(List.of(key)).get(key).version()).isEqualTo(2);
  }

  @Test
  void passesFullLookupsThrough() {
    publish(cache, 1);
    publish(store, 2);
    assertThat(cache.findAll(List.of(key)))
        .extractingByKey(key)
        .satisfies(artifact -> assertThat(artifact.current().version()).isEqualTo(2));
    assertThat(cache.find(key).orElseThrow().current().version()).isEqualTo(2);
  }

  private void publish(ArtifactStore target, long version) {
    target.claimIngest(
        key,
        new Revision(
            version,
            ContentHash.of(("v" + version).getBytes(StandardCharsets.UTF_8)),
            ContentHash.of(("t" + version).getBytes(StandardCharsets.UTF_8)),
            "a.txt",
            2,
            Map.of(),
            1,
            1,
            Instant.EPOCH));
    target.completeIngest(key, version);
  }
}
