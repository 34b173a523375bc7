package dev.lectern.application.service.chunk;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.chunk.ChunkEdit;
import dev.lectern.application.port.in.chunk.ChunkPage;
import dev.lectern.application.port.in.chunk.ManageChunksUseCase;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.ChunkSearch;
import dev.lectern.application.port.out.Chunker;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.document.DocumentCatalogue;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.text.WellFormed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service: hand edits of a parsed document's chunks. Each edit rewrites the document's chunks in
 * one atomic index replace, one edit per document at a time, and keeps the counts in step.
 */
public final class ChunkService implements ManageChunksUseCase {
  /** The most matches a keyword listing ranks. */
  static final int KEYWORD_HITS = 10_000;

  private final ArtifactStore artifacts;
  private final DocumentCatalogue catalogue;
  private final ChunkIndex index;
  private final Chunker chunker;
  private final ArtifactTaskGuard guard;
  private final ConcurrentHashMap<ArtifactKey, Object> locks = new ConcurrentHashMap<>();

  public ChunkService(
      ArtifactStore artifacts,
      DocumentCatalogue catalogue,
      ChunkIndex index,
      Chunker chunker,
      ArtifactTaskGuard guard) {
    this.artifacts = artifacts;
    this.catalogue = catalogue;
    this.index = index;
    this.chunker = chunker;
    this.guard = guard;
  }

  /** The stable id of a chunk's content in a document, 16 hex characters. */
  static String chunkId(String content, ArtifactKey document) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((content + document.artifactId().value()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public Chunk add(
      ArtifactKey document, String text, List<String> keywordList, List<String> questionList) {
    String content = WellFormed.text(text);
    List<String> keywords = wellFormed(keywordList);
    List<String> questions = wellFormed(questionList);
    return edit(
        document,
        (parsed, chunks) -> {
          String id = chunkId(content, document);
          int position = chunks.stream().mapToInt(Chunk::position).max().orElse(-1) + 1;
          Chunk added =
              new Chunk(
                  id,
                  position,
                  content,
                  chunker.countTokens(content),
                  List.of(),
                  keywords,
                  clean(questions),
                  true);
          int existing = indexOf(chunks, id);
          if (existing >= 0) {
            chunks.set(existing, added.withPosition(chunks.get(existing).position()));
          } else {
            chunks.add(added);
          }
          // RAGFlow counts every add, even one that replaced a chunk of the same content.
          return new Outcome(added, parsed.chunkCount() + 1);
        });
  }

  @Override
  public ChunkPage list(
      ArtifactKey document, String keywords, String chunkId, int page, int pageSize) {
    DocumentView view = documentView(document);
    if (view.artifact() == null) {
      if (chunkId != null) {
        throw unknownChunk(chunkId);
      }
      return new ChunkPage(0, sink -> {}, view);
    }
    Parsed parsed = parsed(document);
    long from = (long) Math.max(page - 1, 0) * Math.max(pageSize, 0);
    int offset = (int) Math.min(from, Integer.MAX_VALUE);
    int limit = Math.max(pageSize, 0);
    if (keywords != null && !keywords.isBlank()) {
      return keywordPage(document, parsed, keywords, offset, limit);
    }
    if (chunkId != null) {
      Chunk chunk = index.chunk(document, chunkId).orElseThrow(() -> unknownChunk(chunkId));
      ChunkPage.Item item = new ChunkPage.Item(chunk, null);
      return new ChunkPage(1, sink -> sink.accept(item), parsed.view());
    }
    return new ChunkPage(
        index.chunkCount(document),
        sink -> index.forEachChunk(document, offset, limit, c -> sink.accept(item(c))),
        parsed.view());
  }

  /**
   * The best matches first. The search runs once for the total and again, on a fresh view, when the
   * page is read; only the page's texts are ever read.
   */
  private ChunkPage keywordPage(
      ArtifactKey document, Parsed parsed, String keywords, int offset, int limit) {
    var scope =
        new ChunkQuery.Scope(
            document.collectionId(), parsed.collection().language(), Set.of(document.artifactId()));
    ChunkQuery query =
        new ChunkQuery(document.orgId(), List.of(scope), keywords, KEYWORD_HITS, true);
    int total;
    try (ChunkSearch search = index.open(query)) {
      total = search.matches().size();
    }
    return new ChunkPage(
        total,
        sink -> {
          try (ChunkSearch search = index.open(query)) {
            int end = (int) Math.min((long) offset + limit, search.matches().size());
            for (int i = offset; i < end; i++) {
              ChunkHit hit = search.hit(i);
              sink.accept(new ChunkPage.Item(hit.chunk(), hit.highlighted()));
            }
          }
        },
        parsed.view());
  }

  private static ChunkPage.Item item(Chunk chunk) {
    return new ChunkPage.Item(chunk, null);
  }

  @Override
  public Chunk update(ArtifactKey document, String chunkId, ChunkEdit change) {
    return edit(
        document,
        (parsed, chunks) -> {
          int at = indexOf(chunks, chunkId);
          if (at < 0) {
            throw unknownChunk(chunkId);
          }
          Chunk old = chunks.get(at);
          String text = change.content() == null ? old.text() : WellFormed.text(change.content());
          Chunk updated =
              new Chunk(
                  old.id(),
                  old.position(),
                  text,
                  chunker.countTokens(text),
                  old.headingPath(),
                  change.keywords() == null ? old.keywords() : wellFormed(change.keywords()),
                  change.questions() == null
                      ? old.questions()
                      : clean(wellFormed(change.questions())),
                  change.available() == null ? old.available() : change.available());
          chunks.set(at, updated);
          return new Outcome(updated, parsed.chunkCount());
        });
  }

  @Override
  public int delete(ArtifactKey document, List<String> chunkIds) {
    if (documentView(document).artifact() == null) {
      return 0;
    }
    int[] deleted = new int[1];
    edit(
        document,
        (parsed, chunks) -> {
          int before = chunks.size();
          chunks.removeIf(chunk -> chunkIds == null || chunkIds.contains(chunk.id()));
          deleted[0] = before - chunks.size();
          return new Outcome(null, Math.max(parsed.chunkCount() - deleted[0], chunks.size()));
        });
    return deleted[0];
  }

  private record Parsed(Collection collection, DocumentView view) {
    long version() {
      return view.artifact().current().version();
    }

    int chunkCount() {
      return view.chunkCount();
    }
  }

  private record Outcome(Chunk chunk, int chunkCount) {}

  @FunctionalInterface
  private interface Change {
    Outcome apply(Parsed parsed, List<Chunk> chunks);
  }

  private Chunk edit(ArtifactKey document, Change change) {
    synchronized (locks.computeIfAbsent(document, k -> new Object())) {
      guard.requireIdle(document);
      Parsed parsed = parsed(document);
      List<Chunk> chunks = new ArrayList<>(index.chunksOf(document));
      Outcome outcome = change.apply(parsed, chunks);
      index.replace(document, parsed.version(), chunks, parsed.collection().language());
      long tokens = chunks.stream().mapToLong(Chunk::tokenCount).sum();
      artifacts.recordChunkCounts(document, parsed.version(), outcome.chunkCount(), tokens);
      return outcome.chunk();
    }
  }

  private Parsed parsed(ArtifactKey document) {
    Collection collection = collection(document);
    DocumentView view = documentView(document);
    if (view.artifact() == null) {
      throw new Conflict("The document has not been parsed yet; parse it first.", "document");
    }
    return new Parsed(collection, view);
  }

  private Collection collection(ArtifactKey document) {
    return catalogue.collection(document.orgId(), document.collectionId());
  }

  private DocumentView documentView(ArtifactKey document) {
    return catalogue.require(document);
  }

  private static int indexOf(List<Chunk> chunks, String id) {
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> wellFormed(List<String> texts) {
    return texts == null ? null : texts.stream().map(WellFormed::text).toList();
  }

  private static List<String> clean(List<String> questions) {
    return questions.stream().filter(q -> !q.isBlank()).toList();
  }

  private static NotFound unknownChunk(String chunkId) {
    return NotFound.of("chunk '" + chunkId + "' not found", "chunk", chunkId);
  }
}
