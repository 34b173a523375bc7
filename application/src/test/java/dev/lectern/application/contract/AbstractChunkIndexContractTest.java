package dev.lectern.application.contract;

import static dev.lectern.application.contract.Fixtures.chunks;
import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract: what every {@link ChunkIndex} must do. */
public abstract class AbstractChunkIndexContractTest {
  protected ChunkIndex index;
  protected final ArtifactKey key = key("org1", "c1", "a1");

  protected abstract ChunkIndex createIndex();

  @BeforeEach
  void setUp() {
    index = createIndex();
  }

  @Test
  void chunksComeBackInDocumentOrderWithTheirFields() {
    List<Chunk> written = chunks(12, "alpha");
    index.replace(key, 7, written, Language.ENGLISH);

    assertThat(index.chunksOf(key)).containsExactlyElementsOf(written);
    assertThat(index.versions().get(key)).containsExactly(7L);
  }

  @Test
  void chunksArePagedInDocumentOrderAndFoundById() {
    List<Chunk> written = chunks(600, "paged");
    index.replace(key, 3, written, Language.ENGLISH);

    assertThat(index.chunkCount(key)).isEqualTo(600);
    List<Chunk> page = new java.util.ArrayList<>();
    index.forEachChunk(key, 250, 300, page::add);
    assertThat(page).containsExactlyElementsOf(written.subList(250, 550));
    List<Chunk> tail = new java.util.ArrayList<>();
    index.forEachChunk(key, 590, 1000, tail::add);
    assertThat(tail).containsExactlyElementsOf(written.subList(590, 600));
    List<Chunk> none = new java.util.ArrayList<>();
    index.forEachChunk(key, 0, 0, none::add);
    assertThat(none).isEmpty();

    assertThat(index.chunk(key, written.get(417).id())).contains(written.get(417));
    assertThat(index.chunk(key, "no such chunk")).isEmpty();
    assertThat(index.chunk(key("org1", "c1", "other"), written.get(1).id())).isEmpty();
    assertThat(index.chunkCount(key("org1", "c1", "other"))).isZero();
  }

  @Test
  void replaceSwapsAllChunksOfTheArtifact() {
    index.replace(key, 1, chunks(5, "old"), Language.ENGLISH);
    List<Chunk> fresh = chunks(2, "new");
    index.replace(key, 2, fresh, Language.ENGLISH);

    assertThat(index.chunksOf(key)).containsExactlyElementsOf(fresh);
    assertThat(index.versions().get(key)).containsExactly(2L);
  }

  @Test
  void artifactsAndOrgsDoNotMix() {
    ArtifactKey sibling = key("org1", "c1", "a2");
    ArtifactKey otherOrg = key("org2", "c1", "a1");
    index.replace(key, 1, chunks(2, "mine"), Language.ENGLISH);
    index.replace(sibling, 1, chunks(3, "sibling"), Language.ENGLISH);
    index.replace(otherOrg, 1, chunks(4, "other"), Language.SPANISH);

    assertThat(index.chunksOf(key)).hasSize(2);
    assertThat(index.chunksOf(sibling)).hasSize(3);
    assertThat(index.chunksOf(otherOrg)).hasSize(4);

    index.delete(key);
    assertThat(index.chunksOf(key)).isEmpty();
    assertThat(index.chunksOf(otherOrg)).hasSize(4);
    assertThat(index.versions()).doesNotContainKey(key).containsKeys(sibling, otherOrg);
  }

  @Test
  void deleteCollectionRemovesOnlyThatCollection() {
    ArtifactKey sibling = key("org1", "c1", "a2");
    ArtifactKey elsewhere = key("org1", "c2", "a1");
    ArtifactKey otherOrg = key("org2", "c1", "a1");
    for (ArtifactKey k : List.of(key, sibling, elsewhere, otherOrg)) {
      index.replace(k, 1, chunks(2, "x"), Language.ENGLISH);
    }
    index.deleteCollection("org1", new CollectionId("c1"));
    assertThat(index.chunksOf(key)).isEmpty();
    assertThat(index.chunksOf(sibling)).isEmpty();
    assertThat(index.chunksOf(elsewhere)).hasSize(2);
    assertThat(index.chunksOf(otherOrg)).hasSize(2);
  }

  @Test
  void replacingWithNoChunksEmptiesTheArtifact() {
    index.replace(key, 1, chunks(3, "x"), Language.ENGLISH);
    index.replace(key, 1, List.of(), Language.ENGLISH);
    assertThat(index.chunksOf(key)).isEmpty();
    index.replace(key, 1, chunks(1, "y"), Language.ENGLISH);
    assertThat(index.chunksOf(key)).hasSize(1);
  }

  @Test
  void deleteVersionLeavesOtherVersionsAlone() {
    index.replace(key, 3, chunks(2, "three"), Language.ENGLISH);
    index.deleteVersion(key, 2);
    assertThat(index.chunksOf(key)).hasSize(2);
    index.deleteVersion(key, 3);
    assertThat(index.chunksOf(key)).isEmpty();
  }

  private static Chunk text(int position, String text) {
    return new Chunk("c" + position + "-" + text.hashCode(), position, text, 5, List.of());
  }

  private static ChunkQuery.Scope scope(String collection) {
    return new ChunkQuery.Scope(new CollectionId(collection), Language.ENGLISH, null);
  }

  private List<ChunkHit> search(String text, List<ChunkQuery.Scope> scopes) {
    return index.search(new ChunkQuery("org1", scopes, text, 10, false));
  }

  @Test
  void searchFindsMatchingChunksOfTheScopedCollectionsOnlyBestFirst() {
    index.replace(
        key,
        1,
        List.of(
            text(0, "the billing dashboard shows invoices"),
            text(1, "billing billing and more billing"),
            text(2, "unrelated gardening notes")),
        Language.ENGLISH);
    index.replace(
        key("org1", "c2", "a1"), 1, List.of(text(0, "billing elsewhere")), Language.ENGLISH);
    index.replace(
        key("org2", "c1", "a1"), 1, List.of(text(0, "billing in another org")), Language.ENGLISH);

    List<ChunkHit> hits = search("billing", List.of(scope("c1")));

    assertThat(hits).extracting(hit -> hit.chunk().position()).containsExactlyInAnyOrder(0, 1);
    assertThat(hits).allSatisfy(hit -> assertThat(hit.key()).isEqualTo(key));
    assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0001, 1.0));
    assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
    assertThat(hits.get(0).version()).isEqualTo(1);
    assertThat(search("billing", List.of(scope("c1"), scope("c2")))).hasSize(3);
    assertThat(search("gardening", List.of(scope("c2")))).isEmpty();
  }

  @Test
  void artifactScopeNarrowsTheSearchAndLimitCapsIt() {
    ArtifactKey sibling = key("org1", "c1", "a2");
    index.replace(key, 1, List.of(text(0, "alpha beta"), text(1, "alpha")), Language.ENGLISH);
    index.replace(sibling, 1, List.of(text(0, "alpha gamma")), Language.ENGLISH);

    var onlySibling =
        new ChunkQuery.Scope(
            new CollectionId("c1"), Language.ENGLISH, Set.of(new ArtifactId("a2")));
    assertThat(search("alpha", List.of(onlySibling)))
        .extracting(ChunkHit::key)
        .containsExactly(sibling);
    assertThat(index.search(new ChunkQuery("org1", List.of(scope("c1")), "alpha", 2, false)))
        .hasSize(2);
  }

  @Test
  void unavailableChunksAreNeverFoundButKeywordsAndQuestionsAre() {
    Chunk hidden = new Chunk("h", 0, "secret plans", 2, List.of(), List.of(), List.of(), false);
    Chunk tagged =
        new Chunk(
            "t",
            1,
            "plain words",
            2,
            List.of(),
            List.of("zeppelin"),
            List.of("why airships?"),
            true);
    index.replace(key, 1, List.of(hidden, tagged), Language.ENGLISH);

    assertThat(search("secret", List.of(scope("c1")))).isEmpty();
    assertThat(search("zeppelin", List.of(scope("c1"))))
        .extracting(h -> h.chunk().id())
        .containsExactly("t");
    assertThat(search("airships", List.of(scope("c1")))).hasSize(1);
    Chunk back = index.chunksOf(key).get(1);
    assertThat(back.keywords()).containsExactly("zeppelin");
    assertThat(back.questions()).containsExactly("why airships?");
    assertThat(index.chunksOf(key).get(0).available()).isFalse();
  }

  @Test
  void highlightMarksTheMatchedWords() {
    index.replace(key, 1, List.of(text(0, "Quarterly revenue grew")), Language.ENGLISH);

    ChunkHit hit =
        index.search(new ChunkQuery("org1", List.of(scope("c1")), "revenue", 5, true)).get(0);

    assertThat(hit.highlighted()).isEqualTo("Quarterly <em>revenue</em> grew");
    assertThat(search("revenue", List.of(scope("c1"))).get(0).highlighted()).isNull();
  }

  @Test
  void aQueryWithNoSearchableWordsFindsNothing() {
    index.replace(key, 1, List.of(text(0, "anything at all")), Language.ENGLISH);
    assertThat(search("  ?! ", List.of(scope("c1")))).isEmpty();
    assertThat(search("anything", List.of())).isEmpty();
  }

  @Test
  void aMinimumScoreKeepsExactlyTheHitsAtOrAboveItThatAPlainSearchFinds() {
    List<Chunk> texts = new java.util.ArrayList<>();
    String[] words = {"alpha", "beta", "gamma", "delta"};
    for (int i = 0; i < 60; i++) {
      StringBuilder text = new StringBuilder("chunk " + i);
      for (int w = 0; w < words.length; w++) {
        if ((i >> w & 1) == 1) {
          text.append(' ').append(words[w]).append(i % 3 == 0 ? " " + words[w] : "");
        }
      }
      texts.add(text(i, text.toString()));
    }
    index.replace(key, 1, texts, Language.ENGLISH);
    String question = "alpha beta gamma delta";

    List<ChunkHit> all =
        index.search(new ChunkQuery("org1", List.of(scope("c1")), question, 60, false, 0));
    List<ChunkHit> floored =
        index.search(new ChunkQuery("org1", List.of(scope("c1")), question, 60, false, 0.3));

    assertThat(all).anySatisfy(hit -> assertThat(hit.score()).isLessThan(0.3));
    assertThat(floored.stream().filter(hit -> hit.score() >= 0.3).map(hit -> hit.chunk().id()))
        .containsExactlyElementsOf(
            all.stream().filter(hit -> hit.score() >= 0.3).map(hit -> hit.chunk().id()).toList())
        .isNotEmpty();
  }
}
