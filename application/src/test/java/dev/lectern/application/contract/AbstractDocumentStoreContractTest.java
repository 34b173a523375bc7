package dev.lectern.application.contract;

import static dev.lectern.application.contract.Fixtures.T0;
import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.collection.CollectionId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract: what every {@link DocumentStore} must do. */
public abstract class AbstractDocumentStoreContractTest {
  protected DocumentStore store;

  /** A fresh, empty store; {@code org1} and {@code org2} exist, each with collection c1. */
  protected abstract DocumentStore createStore();

  @BeforeEach
  void setUp() {
    store = createStore();
  }

  static DocumentEntry entry(ArtifactKey key, String name) {
    return new DocumentEntry(
        key,
        name,
        ContentHash.of(name.getBytes(StandardCharsets.UTF_8)),
        42,
        dev.lectern.domain.collection.ChunkMethod.NAIVE,
        Map.of("chunk_token_num", 128),
        Map.of("author", "Ann", "tags", List.of("a", "b")),
        true,
        ParseState.UNSTARTED,
        T0,
        T0);
  }

  @Test
  void entriesRoundTripAndListInOrder() {
    DocumentEntry first = entry(key("org1", "c1", "d1"), "a.txt");
    DocumentEntry second = entry(key("org1", "c1", "d2"), "b.pdf");
    assertThat(store.insert(first)).isTrue();
    assertThat(store.insert(second)).isTrue();
    store.insert(entry(key("org2", "c1", "d1"), "a.txt"));

    assertThat(store.find(first.key())).contains(first);
    assertThat(store.list("org1", new CollectionId("c1"))).containsExactly(first, second);
    assertThat(store.referencedBlobs()).contains(first.source().hex(), second.source().hex());
  }

  @Test
  void namesAreUniqueInACollectionExactly() {
    store.insert(entry(key("org1", "c1", "d1"), "a.txt"));
    assertThat(store.insert(entry(key("org1", "c1", "d2"), "a.txt"))).isFalse();
    assertThat(store.insert(entry(key("org1", "c1", "d3"), "A.txt"))).isTrue();
    assertThat(store.update(entry(key("org1", "c1", "d3"), "a.txt"))).isFalse();
  }

  @Test
  void updateReplacesAndDeleteRemoves() {
    DocumentEntry entry = entry(key("org1", "c1", "d1"), "a.txt");
    store.insert(entry);
    ParseState running =
        new ParseState(
            ArtifactStatus.RUNNING, 0.5, "Task has been received.\nParsing", T0, 1.5, "t1");
    DocumentEntry changed = entry.withParse(running, T0.plusSeconds(9));
    assertThat(store.update(changed)).isTrue();
    assertThat(store.find(entry.key())).contains(changed);

    store.delete(entry.key());
    assertThat(store.find(entry.key())).isEmpty();
    store.insert(entry);
    store.deleteCollection("org1", new CollectionId("c1"));
    assertThat(store.list("org1", new CollectionId("c1"))).isEmpty();
  }
}
