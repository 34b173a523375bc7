package dev.lectern.adapters.lucene;

import static dev.lectern.application.contract.Fixtures.chunks;
import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.contract.AbstractChunkIndexContractTest;
import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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

  @Test
  void acknowledgedWritesSurviveACrashBeforeLuceneCommits() throws Exception {
    lucene.close();
    lucene = LuceneChunkIndex.open(dir.resolve("index"), Duration.ofHours(1));
    ArtifactKey gone = key("org1", "c1", "gone");
    lucene.replace(gone, 1, chunks(2, "deleted later"), Language.ENGLISH);
    List<Chunk> written = chunks(3, "journaled");
    lucene.replace(key, 4, written, Language.SPANISH);
    lucene.delete(gone);
    lucene.crash();

    lucene = LuceneChunkIndex.open(dir.resolve("index"), Duration.ofHours(1));
    assertThat(lucene.chunksOf(key)).containsExactlyElementsOf(written);
    assertThat(lucene.chunksOf(gone)).isEmpty();
    assertThat(lucene.versions()).containsOnlyKeys(key);
  }

  @Test
  void aTornJournalTailIsIgnoredAndEarlierWritesReplay() throws Exception {
    lucene.close();
    lucene = LuceneChunkIndex.open(dir.resolve("index"), Duration.ofHours(1));
    List<Chunk> written = chunks(2, "before the tear");
    lucene.replace(key, 2, written, Language.ENGLISH);
    lucene.crash();
    Path journal = LuceneChunkIndex.journalOf(dir.resolve("index"), key.orgId());
    try (var files = Files.list(journal)) {
      Path last = files.sorted().reduce((a, b) -> b).orElseThrow();
      // A frame header promising more bytes than were written: what a crash mid-append leaves.
      Files.write(last, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 9, 9}, StandardOpenOption.APPEND);
    }

    lucene = LuceneChunkIndex.open(dir.resolve("index"), Duration.ofHours(1));
    assertThat(lucene.chunksOf(key)).containsExactlyElementsOf(written);
  }

  @Test
  void aBackgroundCommitTrimsTheJournal() throws Exception {
    lucene.close();
    lucene = LuceneChunkIndex.open(dir.resolve("index"), Duration.ofMillis(50));
    lucene.replace(key, 1, chunks(2, "committed soon"), Language.ENGLISH);
    Path journal = LuceneChunkIndex.journalOf(dir.resolve("index"), key.orgId());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (journalBytes(journal) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(journalBytes(journal)).isZero();
    lucene.crash();

    lucene = LuceneChunkIndex.open(dir.resolve("index"));
    assertThat(lucene.chunksOf(key)).hasSize(2);
  }

  private static long journalBytes(Path journal) throws Exception {
    try (var files = Files.list(journal)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void anIndexWrittenBeforeTheMatchDocValuesIsStillSearched() throws Exception {
    lucene.close();
    Path path = dir.resolve("older");
    ArtifactKey older = key("org1", "c1", "written-earlier");
    try (var directory = org.apache.lucene.store.FSDirectory.open(path);
        var writer =
            new org.apache.lucene.index.IndexWriter(
                directory, new org.apache.lucene.index.IndexWriterConfig(Analyzers.perField()))) {
      for (Chunk chunk : chunks(2, "zeppelin hangar")) {
        var doc = ChunkDocuments.of(older, 7, chunk, Language.ENGLISH);
        // What an index of the previous release holds: no match key, version stored only.
        doc.removeFields(LuceneChunkIndex.MATCH_KEY);
        doc.removeFields(LuceneChunkIndex.VERSION);
        doc.add(new org.apache.lucene.document.StoredField(LuceneChunkIndex.VERSION, 7L));
        writer.addDocument(doc);
      }
    }

    lucene = LuceneChunkIndex.open(path);
    var scope = new ChunkQuery.Scope(older.collectionId(), Language.ENGLISH, null);
    List<ChunkHit> hits =
        lucene.search(new ChunkQuery("org1", List.of(scope), "zeppelin", 10, false));

    assertThat(hits).hasSize(2);
    assertThat(hits).allSatisfy(hit -> assertThat(hit.key()).isEqualTo(older));
    assertThat(hits).allSatisfy(hit -> assertThat(hit.version()).isEqualTo(7L));
  }

  @Test
  void aQueryWithMoreDistinctWordsThanTheClauseLimitKeepsTheRarest() {
    List<Chunk> common = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      common.add(new Chunk("c" + i, i, "common filler words number " + i, 5, List.of()));
    }
    index.replace(key("org1", "c1", "many"), 1, common, Language.ENGLISH);
    index.replace(
        key("org1", "c1", "rare"),
        1,
        List.of(new Chunk("r", 0, "a zyzzyva appears once", 4, List.of())),
        Language.ENGLISH);
    StringBuilder text = new StringBuilder("common filler words ");
    for (int i = 0; i < 3000; i++) {
      text.append("unseenword").append(i).append(' ');
    }
    text.append("zyzzyva");
    var scope =
        new ChunkQuery.Scope(
            new dev.lectern.domain.collection.CollectionId("c1"), Language.ENGLISH, null);
    List<ChunkHit> hits =
        index.search(new ChunkQuery("org1", List.of(scope), text.toString(), 10, true));

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).key().artifactId().value()).isEqualTo("rare");
  }

  @Test
  void repeatedQueryWordsWeighAsMuchAsTheirRepeats() {
    index.replace(
        key,
        1,
        List.of(
            new Chunk("x", 0, "apple banana", 2, List.of()),
            new Chunk("y", 1, "banana cherry", 2, List.of())),
        Language.ENGLISH);
    var scope =
        new ChunkQuery.Scope(
            new dev.lectern.domain.collection.CollectionId("c1"), Language.ENGLISH, null);
    List<ChunkHit> once =
        index.search(new ChunkQuery("org1", List.of(scope), "apple cherry", 10, false));
    List<ChunkHit> twice =
        index.search(new ChunkQuery("org1", List.of(scope), "apple apple cherry", 10, false));

    assertThat(once).extracting(h -> h.chunk().id()).containsExactlyInAnyOrder("x", "y");
    assertThat(once.get(0).score()).isEqualTo(once.get(1).score());
    assertThat(twice.get(0).chunk().id()).isEqualTo("x");
    assertThat(twice.get(0).score()).isGreaterThan(twice.get(1).score());
  }

  @Test
  void oneOrgsDocumentsChangeNoScoreAnotherOrgSees() {
    var scope =
        new ChunkQuery.Scope(
            new dev.lectern.domain.collection.CollectionId("c1"), Language.ENGLISH, null);
    ArtifactKey mine = key("orgB", "c1", "mine");
    List<Chunk> filler = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      filler.add(new Chunk("f" + i, i, "ordinary filler text " + i, 4, List.of()));
    }
    filler.add(new Chunk("w", 20, "the quokka sleeps", 3, List.of()));
    index.replace(mine, 1, filler, Language.ENGLISH);
    ChunkQuery quokka = new ChunkQuery("orgB", List.of(scope), "quokka", 5, false);
    double before = index.search(quokka).get(0).score();

    List<Chunk> theirs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      theirs.add(new Chunk("q" + i, i, "quokka quokka everywhere " + i, 3, List.of()));
    }
    index.replace(key("orgA", "c1", "theirs"), 1, theirs, Language.ENGLISH);

    assertThat(index.search(quokka).get(0).score()).isEqualTo(before);
    assertThat(index.search(new ChunkQuery("orgA", List.of(scope), "quokka", 100, false)))
        .hasSize(50);
  }

  @Test
  void aSingleIndexOfEveryOrgIsSplitIntoOnePerOrgOnOpen() throws Exception {
    lucene.close();
    Path legacy = dir.resolve("legacy");
    ArtifactKey a = key("orgA", "c1", "a");
    ArtifactKey b = key("orgB", "c1", "b");
    ArtifactKey journaled = key("orgB", "c1", "journaled");
    try (var directory = org.apache.lucene.store.FSDirectory.open(legacy);
        var writer =
            new org.apache.lucene.index.IndexWriter(
                directory, new org.apache.lucene.index.IndexWriterConfig(Analyzers.perField()))) {
      for (Chunk chunk : chunks(3, "alpha")) {
        writer.addDocument(ChunkDocuments.of(a, 1, chunk, Language.ENGLISH));
      }
      for (Chunk chunk : chunks(2, "beta")) {
        writer.addDocument(ChunkDocuments.of(b, 4, chunk, Language.ENGLISH));
      }
    }
    // A write the old release acknowledged but had not committed yet.
    List<Chunk> late = chunks(1, "gamma");
    try (ChunkJournal journal = ChunkJournal.start(LuceneChunkIndex.journalOf(legacy))) {
      journal.append(
          JournalEntry.encode(new JournalEntry.Replace(journaled, 2, late, Language.ENGLISH)));
    }

    lucene = LuceneChunkIndex.open(legacy);

    assertThat(lucene.chunksOf(a)).hasSize(3);
    assertThat(lucene.chunksOf(b)).hasSize(2);
    assertThat(lucene.chunksOf(journaled)).containsExactlyElementsOf(late);
    assertThat(lucene.versions()).containsOnlyKeys(a, b, journaled);
    assertThat(Files.isDirectory(legacy.resolve(OrgDirectories.name("orgA")))).isTrue();
    try (var files = Files.list(legacy)) {
      assertThat(files.filter(Files::isRegularFile)).as("the old index is gone").isEmpty();
    }
    var scope =
        new ChunkQuery.Scope(
            new dev.lectern.domain.collection.CollectionId("c1"), Language.ENGLISH, null);
    assertThat(lucene.search(new ChunkQuery("orgA", List.of(scope), "beta", 10, false)))
        .as("another org's chunks were not copied in")
        .isEmpty();

    lucene.close();
    lucene = LuceneChunkIndex.open(legacy);
    assertThat(lucene.size()).isEqualTo(6);
  }

  @Test
  void orgIdsOfAnyCharactersGetDistinctDirectories() {
    assertThat(OrgDirectories.name("0a1b")).isEqualTo("o-0a1b");
    assertThat(OrgDirectories.name("Org/A")).startsWith("h-");
    assertThat(OrgDirectories.orgOf(OrgDirectories.name("Org/A"))).contains("Org/A");
    assertThat(OrgDirectories.orgOf(OrgDirectories.name("0a1b"))).contains("0a1b");
    assertThat(OrgDirectories.name("ABC")).isNotEqualTo(OrgDirectories.name("abc"));
    assertThat(OrgDirectories.orgOf("segments_1")).isEmpty();
  }
}
