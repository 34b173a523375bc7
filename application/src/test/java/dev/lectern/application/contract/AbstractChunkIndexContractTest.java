package dev.lectern.application.contract;

import static dev.lectern.application.contract.Fixtures.chunks;
import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Language;
import java.util.List;
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
  void deleteVersionLeavesOtherVersionsAlone() {
    index.replace(key, 3, chunks(2, "three"), Language.ENGLISH);
    index.deleteVersion(key, 2);
    assertThat(index.chunksOf(key)).hasSize(2);
    index.deleteVersion(key, 3);
    assertThat(index.chunksOf(key)).isEmpty();
  }
}
