package dev.lectern.adapters.lucene;

import static dev.lectern.application.contract.Fixtures.chunks;
import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.contract.AbstractChunkIndexContractTest;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneChunkIndexTest extends AbstractChunkIndexContractTest {
  @TempDir Path dir;
  private LuceneChunkIndex lucene;

  @Override
  protected ChunkIndex createIndex() {
    lucene = LuceneChunkIndex.open(dir.resolve("index"));
    return lucene;
  }

  @AfterEach
  void close() throws Exception {
    lucene.close();
  }

  @Test
  void writesSurviveReopeningTheIndex() throws Exception {
    List<Chunk> written = chunks(3, "durable");
    index.replace(key, 9, written, Language.RUSSIAN);
    lucene.close();

    lucene = LuceneChunkIndex.open(dir.resolve("index"));
    assertThat(lucene.chunksOf(key)).containsExactlyElementsOf(written);
    assertThat(lucene.versions().get(key)).containsExactly(9L);
  }

  @Test
  void idsWithSeparatorCharactersNeverCollide() {
    ArtifactKey a = key("o", "c:1", "x");
    ArtifactKey b = key("o", "c", "1:x");
    index.replace(a, 1, chunks(1, "a"), Language.ENGLISH);
    index.replace(b, 1, chunks(2, "b"), Language.ENGLISH);

    assertThat(index.chunksOf(a)).hasSize(1);
    assertThat(index.chunksOf(b)).hasSize(2);
    assertThat(index.versions()).containsKeys(a, b);
  }

  @Test
  void concurrentWritersShareCommitsAndLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      ArtifactKey k = key("org1", "c1", "a" + i);
      int n = i;
      futures.add(pool.submit(() -> index.replace(k, n, chunks(3, "doc" + n), Language.ENGLISH)));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    lucene.close();

    lucene = LuceneChunkIndex.open(dir.resolve("index"));
    assertThat(lucene.size()).isEqualTo(64 * 3);
    assertThat(lucene.versions()).hasSize(64);
  }
}
