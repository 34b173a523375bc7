package dev.lectern.adapters.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Splits the single index of every organization, as releases before per-organization indexes kept
 * it, into one index per organization. Its journal is replayed first; every organization's index is
 * built whole and committed; only then are the old index's files removed, its commit point first. A
 * migration cut short by a crash therefore starts again from the old index at the next start.
 */
final class LegacyIndexMigration {
  private static final System.Logger LOG = System.getLogger(LegacyIndexMigration.class.getName());

  private LegacyIndexMigration() {}

  /** Migrates when {@code root} holds an index of its own (or its journal holds writes). */
  static void migrateIfPresent(Path root, Path journalRoot) throws IOException {
    if (!present(root, journalRoot)) {
      return;
    }
    // Replaying the journal into the old index and committing makes it hold every write.
    OrgIndex.open(root, journalRoot, () -> {}).close();
    int chunks = 0;
    List<String> orgs;
    try (Directory legacy = FSDirectory.open(root);
        DirectoryReader reader = DirectoryReader.open(legacy)) {
      orgs = orgsOf(reader);
      for (String org : orgs) {
        chunks += copy(reader, org, root, journalRoot);
      }
    }
    removeLegacy(root, journalRoot);
    LOG.log(
        System.Logger.Level.INFO,
        "split the chunk index into "
            + orgs.size()
            + " per-organization indexes ("
            + chunks
            + " chunks)");
  }

  private static boolean present(Path root, Path journalRoot) throws IOException {
    try (Directory directory = FSDirectory.open(root)) {
      if (DirectoryReader.indexExists(directory)) {
        return true;
      }
    }
    return !ChunkJournal.read(journalRoot).isEmpty();
  }

  private static List<String> orgsOf(DirectoryReader reader) throws IOException {
    List<String> orgs = new ArrayList<>();
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(LuceneChunkIndex.ORG);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
        seen.add(term.utf8ToString());
      }
    }
    orgs.addAll(seen);
    return orgs;
  }

  /** Builds the organization's index afresh from the old one; answers how many chunks it holds. */
  private static int copy(DirectoryReader reader, String org, Path root, Path journalRoot)
      throws IOException {
    Path target = root.resolve(OrgDirectories.name(org));
    deleteTree(target);
    deleteTree(journalRoot.resolve(OrgDirectories.name(org)));
    List<CodecReader> parts = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      parts.add(OrgFilteredReader.of(SlowCodecReaderWrapper.wrap(leaf.reader()), org));
    }
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (Directory directory = FSDirectory.open(target);
        IndexWriter writer = new IndexWriter(directory, config)) {
      writer.addIndexes(parts.toArray(CodecReader[]::new));
      writer.commit();
      return writer.getDocStats().numDocs;
    }
  }

  /** The old index's files (its commit points first) and journal files; subdirectories stay. */
  private static void removeLegacy(Path root, Path journalRoot) throws IOException {
    List<Path> files = regularFiles(root);
    files.sort(
        Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("segments")));
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    for (Path file : regularFiles(journalRoot)) {
      Files.deleteIfExists(file);
    }
  }

  private static List<Path> regularFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new ArrayList<>();
    }
    try (Stream<Path> listed = Files.list(directory)) {
      return new ArrayList<>(listed.filter(Files::isRegularFile).toList());
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
