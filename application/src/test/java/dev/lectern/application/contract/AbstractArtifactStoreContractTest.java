package dev.lectern.application.contract;

import static dev.lectern.application.contract.Fixtures.key;
import static dev.lectern.application.contract.Fixtures.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ArtifactStore.Claim;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract: what every {@link ArtifactStore} must do. */
public abstract class AbstractArtifactStoreContractTest {
  protected ArtifactStore store;
  protected final ArtifactKey key = key("org1", "c1", "a1");

  /** A fresh, empty store; {@code org1} and {@code org2} exist, each with collection c1. */
  protected abstract ArtifactStore createStore();

  @BeforeEach
  void setUp() {
    store = createStore();
  }

  @Test
  void claimedArtifactIsInvisibleUntilCompleted() {
    assertThat(store.claimIngest(key, revision(1, "hello"))).isEqualTo(Claim.STARTED);
    assertThat(store.list("org1", new CollectionId("c1"))).isEmpty();
    assertThat(store.find(key)).get().extracting(Artifact::populated).isEqualTo(false);

    store.completeIngest(key, 1);

    Artifact artifact = store.find(key).orElseThrow();
    assertThat(artifact.status()).isEqualTo(ArtifactStatus.DONE);
    assertThat(artifact.current().version()).isEqualTo(1);
    assertThat(artifact.pendingVersion()).isNull();
    assertThat(store.list("org1", new CollectionId("c1"))).containsExactly(artifact);
  }

  @Test
  void aCollectionIsListedPageByPageInTheOrderOfTheWholeList() {
    CollectionId c1 = new CollectionId("c1");
    for (int i = 0; i < 7; i++) {
      ArtifactKey page = key("org1", "c1", "p" + i);
      long version = i % 3 + 1; // artifacts created at the same instant are ordered by id
      store.claimIngest(page, revision(version, "page " + i));
      store.completeIngest(page, version);
    }
    List<Artifact> all = store.list("org1", c1);
    List<Artifact> paged = new java.util.ArrayList<>();
    ArtifactStore.Cursor cursor = null;
    List<Artifact> page;
    do {
      page = store.listPage("org1", c1, cursor, 3);
      paged.addAll(page);
      if (!page.isEmpty()) {
        cursor = ArtifactStore.Cursor.after(page.get(page.size() - 1));
      }
    } while (page.size() == 3);

    assertThat(all).hasSize(7);
    assertThat(paged).containsExactlyElementsOf(all);
    assertThat(store.listPage("org2", c1, null, 3)).isEmpty();
  }

  @Test
  void metadataRoundTripsInOrderWithTypes() {
    store.claimIngest(key, revision(1, "hello"));
    store.completeIngest(key, 1);

    assertThat(store.find(key).orElseThrow().current().metadata())
        .containsExactly(
            java.util.Map.entry("file_name", "doc.txt"),
            java.util.Map.entry("source", "tests"),
            java.util.Map.entry("tags", List.of("a", "b")),
            java.util.Map.entry("rank", 3));
  }

  @Test
  void secondClaimWhileOneIsPendingIsBusy() {
    store.claimIngest(key, revision(1, "one"));
    assertThat(store.claimIngest(key, revision(2, "two"))).isEqualTo(Claim.BUSY);
    assertThat(store.claimDelete(key)).isEqualTo(Claim.BUSY);
  }

  @Test
  void sameContentAgainIsUnchangedAndDifferentContentReplaces() {
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);

    assertThat(store.claimIngest(key, revision(2, "one"))).isEqualTo(Claim.UNCHANGED);
    assertThat(store.claimIngest(key, revision(3, "three"))).isEqualTo(Claim.STARTED);
    assertThat(store.find(key).orElseThrow().current().version()).isEqualTo(1);
    assertThat(store.find(key).orElseThrow().pendingVersion()).isEqualTo(3L);

    store.completeIngest(key, 3);

    assertThat(store.find(key).orElseThrow().current().version()).isEqualTo(3);
    assertThat(store.find(key).orElseThrow().pendingVersion()).isNull();
  }

  @Test
  void abandoningFirstIngestForgetsTheArtifact() {
    store.claimIngest(key, revision(1, "one"));
    store.abandonIngest(key, 1);
    assertThat(store.find(key)).isEmpty();
  }

  @Test
  void abandoningReplacementKeepsCurrentRevision() {
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);
    store.claimIngest(key, revision(2, "two"));
    store.abandonIngest(key, 2);

    Artifact artifact = store.find(key).orElseThrow();
    assertThat(artifact.current().version()).isEqualTo(1);
    assertThat(artifact.busy()).isFalse();
  }

  @Test
  void deleteClaimsThenForgets() {
    assertThat(store.claimDelete(key)).isEqualTo(Claim.MISSING);
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);

    assertThat(store.claimDelete(key)).isEqualTo(Claim.STARTED);
    assertThat(store.list("org1", new CollectionId("c1"))).isEmpty();
    assertThat(store.unfinished()).extracting(Artifact::key).containsExactly(key);

    store.completeDelete(key);
    assertThat(store.find(key)).isEmpty();
    assertThat(store.unfinished()).isEmpty();
  }

  @Test
  void orgsAreIsolated() {
    ArtifactKey other = key("org2", "c1", "a1");
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);

    assertThat(store.find(other)).isEmpty();
    assertThat(store.list("org2", new CollectionId("c1"))).isEmpty();
    assertThat(store.claimDelete(other)).isEqualTo(Claim.MISSING);
  }

  @Test
  void liveVersionsAndBlobsCoverCurrentAndPending() {
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);
    store.claimIngest(key, revision(2, "two"));

    assertThat(store.liveVersions().get(key)).containsExactlyInAnyOrder(1L, 2L);
    assertThat(store.referencedBlobs())
        .contains(revision(1, "one").contentHash().hex(), revision(2, "two").contentHash().hex());
    assertThat(store.unfinished()).extracting(Artifact::pendingVersion).containsExactly(2L);
  }

  @Test
  void removeCollectionForgetsItsArtifactsOnly() {
    ArtifactKey other = key("org2", "c1", "a1");
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);
    store.claimIngest(key("org1", "c1", "a2"), revision(2, "two"));
    store.claimIngest(other, revision(3, "three"));
    store.completeIngest(other, 3);

    store.removeCollection("org1", new CollectionId("c1"));

    assertThat(store.find(key)).isEmpty();
    assertThat(store.find(key("org1", "c1", "a2"))).isEmpty();
    assertThat(store.unfinished()).isEmpty();
    assertThat(store.find(other)).isPresent();
  }

  @Test
  void chunkCountsCanBeRecordedOnTheCurrentRevision() {
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);
    store.recordChunkCounts(key, 1, 7, 99);
    store.recordChunkCounts(key, 2, 1, 1);
    assertThat(store.find(key).orElseThrow().current().chunkCount()).isEqualTo(7);
    assertThat(store.find(key).orElseThrow().current().tokenCount()).isEqualTo(99);
  }

  @Test
  void aRevisionCanBeRenamedInItsMetadataToo() {
    store.claimIngest(key, revision(1, "one"));
    store.completeIngest(key, 1);
    store.renameRevision(key, 1, "renamed.txt");
    store.renameRevision(key, 2, "no such revision.txt");
    store.renameRevision(key("org2", "c1", "a1"), 1, "other org.txt");

    var current = store.find(key).orElseThrow().current();
    assertThat(current.fileName()).isEqualTo("renamed.txt");
    assertThat(current.metadata())
        .containsExactly(
            java.util.Map.entry("file_name", "renamed.txt"),
            java.util.Map.entry("source", "tests"),
            java.util.Map.entry("tags", List.of("a", "b")),
            java.util.Map.entry("rank", 3));
    assertThat(store.findPublished(List.of(key)).get(key).fileName()).isEqualTo("renamed.txt");
  }

  @Test
  void findAllReturnsTheExistingArtifactsOfManyKeys() {
    List<ArtifactKey> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      ArtifactKey k = key("org1", "c1", "many" + i);
      store.claimIngest(k, revision(i + 1, "content " + i));
      store.completeIngest(k, i + 1);
      keys.add(k);
    }
    store.claimIngest(key("org2", "c1", "many0"), revision(1, "other org"));
    keys.add(key("org1", "c1", "missing"));

    var found = store.findAll(keys);

    assertThat(found).hasSize(600);
    assertThat(found.get(key("org1", "c1", "many599")).current().version()).isEqualTo(600);
    assertThat(found).doesNotContainKey(key("org2", "c1", "many0"));
    assertThat(store.findAll(List.of())).isEmpty();
  }

  @Test
  void findPublishedGivesTheVersionReadersSeeOfPopulatedArtifactsOnly() {
    ArtifactKey done = key("org1", "c1", "done");
    store.claimIngest(done, revision(1, "first"));
    store.completeIngest(done, 1);
    store.claimIngest(done, revision(2, "second, still being written"));
    ArtifactKey pending = key("org1", "c1", "pending");
    store.claimIngest(pending, revision(3, "never completed"));
    ArtifactKey deleting = key("org1", "c1", "deleting");
    store.claimIngest(deleting, revision(4, "being deleted"));
    store.completeIngest(deleting, 4);
    store.claimDelete(deleting);

    var found = store.findPublished(List.of(done, pending, deleting, key("org1", "c1", "missing")));

    assertThat(found).containsOnlyKeys(done);
    assertThat(found.get(done).version()).isEqualTo(1);
    assertThat(found.get(done).fileName())
        .isEqualTo(store.find(done).orElseThrow().current().fileName());
    assertThat(store.findPublished(List.of())).isEmpty();
  }
}
