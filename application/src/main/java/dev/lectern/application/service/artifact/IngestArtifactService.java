package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.artifact.IngestArtifactUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.Chunker;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.ContentFetcher;
import dev.lectern.application.port.out.DocumentParser;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import dev.lectern.domain.collection.Collection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Service: parse, chunk, store the blobs, claim the artifact, commit the chunks, then publish. The
 * claim makes a concurrent write to the same artifact fail fast with a conflict.
 */
public final class IngestArtifactService implements IngestArtifactUseCase {
  private final CollectionStore collections;
  private final ArtifactStore artifacts;
  private final ChunkIndex index;
  private final Chunker chunker;
  private final DocumentParser parser;
  private final BlobStore blobs;
  private final DocumentSource sources;
  private final IngestPolicy policy;
  private final Clock clock;
  private final VersionClock versions;
  private final ArtifactTaskGuard tasks;

  public IngestArtifactService(
      CollectionStore collections,
      ArtifactStore artifacts,
      ChunkIndex index,
      Chunker chunker,
      DocumentParser parser,
      BlobStore blobs,
      ContentFetcher fetcher,
      IngestPolicy policy,
      ArtifactTaskGuard tasks,
      Clock clock) {
    this.collections = collections;
    this.artifacts = artifacts;
    this.index = index;
    this.chunker = chunker;
    this.parser = parser;
    this.blobs = blobs;
    this.sources = new DocumentSource(fetcher, policy.maxInputBytes());
    this.policy = policy;
    this.clock = clock;
    this.versions = new VersionClock(clock);
    this.tasks = tasks;
  }

  @Override
  public Optional<Artifact> ingest(IngestArtifactCommand command) {
    ArtifactKey key =
        new ArtifactKey(command.orgId(), command.collectionId(), command.artifactId());
    tasks.requireIdle(key);
    return run(command, IngestProgress.NONE);
  }

  /** How a document's text becomes chunk drafts, for the collection it goes into. */
  @FunctionalInterface
  interface Chunking {
    List<ChunkDraft> split(String text, Collection collection);
  }

  /** Ingests for a caller that already holds the artifact's task (or needs none). */
  Optional<Artifact> run(IngestArtifactCommand command, IngestProgress progress) {
    return run(
        command,
        progress,
        (text, collection) -> chunker.split(text, collection.chunkTokens()),
        true);
  }

  /**
   * Ingests with a chunking of the caller's choice, for a caller holding the artifact's task;
   * {@code available} false indexes the chunks hidden from retrieval.
   */
  Optional<Artifact> run(
      IngestArtifactCommand command,
      IngestProgress progress,
      Chunking chunking,
      boolean available) {
    ArtifactKey key =
        new ArtifactKey(command.orgId(), command.collectionId(), command.artifactId());
    Stopwatch watch = new Stopwatch(progress);
    watch.start(IngestStage.FETCH);
    DocumentParser.Source source = sources.resolve(command.input(), command.metadata());
    ContentHash hash = ContentHash.of(source.bytes());
    watch.done(source.bytes().length + " bytes from " + source.fileName());
    if (alreadyHolds(key, hash)) {
      return Optional.empty();
    }
    Prepared prepared =
        prepare(
            source, () -> collections.findOrCreate(implicitCollection(command)), chunking, watch);
    Collection collection = prepared.collection();
    String fileName = source.fileName();
    long sizeBytes = source.bytes().length;
    source = null; // the bytes are stored: let a large document's memory go before indexing
    List<ChunkDraft> drafts = prepared.drafts();
    watch.start(IngestStage.INDEX);
    long version = versions.next();
    Revision revision =
        revision(version, hash, prepared.textHash(), fileName, sizeBytes, command, drafts);
    switch (artifacts.claimIngest(key, revision)) {
      case UNCHANGED, MISSING -> {
        return Optional.empty();
      }
      case BUSY -> throw new Conflict(busyMessage(key), "artifact");
      case STARTED -> {}
    }
    // Recorded before the index write: a crash after it may still be rolled forward at start-up.
    progress.claimed(version);
    try {
      index.replace(key, version, toChunks(drafts, available), collection.language());
    } catch (RuntimeException e) {
      index.deleteVersion(key, version);
      artifacts.abandonIngest(key, version);
      throw e;
    }
    // The commit replaced any older chunks: from here on the ingest only moves forward.
    watch.done(drafts.size() + " chunks committed");
    artifacts.completeIngest(key, version);
    return artifacts.find(key);
  }

  /** What parsing and chunking made of a document, its blobs already stored. */
  private record Prepared(ContentHash textHash, List<ChunkDraft> drafts, Collection collection) {}

  /**
   * Parses and chunks within the processing limit and stores the original and text blobs; the text
   * itself is not kept beyond this step. The collection is created (when Zylon ingests into a new
   * one) only once the document has parsed.
   */
  private Prepared prepare(
      DocumentParser.Source source,
      Supplier<Collection> target,
      Chunking chunking,
      Stopwatch watch) {
    watch.start(IngestStage.PARSE);
    long parseStarted = System.nanoTime();
    String text = parser.parse(source);
    if (text.isBlank()) {
      throw new UnsupportedContent(
          "'" + source.fileName() + "' contains no text to ingest", "input.value");
    }
    watch.done(text.length() + " characters of text");
    blobs.put(source.bytes());
    ContentHash textHash = blobs.put(text.getBytes(StandardCharsets.UTF_8));
    watch.start(IngestStage.CHUNK);
    Collection collection = target.get();
    Duration left =
        policy.processingLimit().minus(Duration.ofNanos(System.nanoTime() - parseStarted));
    List<ChunkDraft> drafts =
        TimeLimit.call(
            left,
            () -> chunking.split(text, collection),
            () ->
                new UnsupportedContent(
                    "'"
                        + source.fileName()
                        + "' was not ingested: parsing and chunking it took longer than "
                        + policy.processingLimit().toSeconds()
                        + " s",
                    "input.value"));
    watch.done(drafts.size() + " chunks");
    return new Prepared(textHash, drafts, collection);
  }

  static String busyMessage(ArtifactKey key) {
    return "an ingest or delete of artifact '"
        + key.artifactId()
        + "' is already in progress; retry when it has finished";
  }

  private boolean alreadyHolds(ArtifactKey key, ContentHash hash) {
    return artifacts
        .find(key)
        .filter(Artifact::populated)
        .flatMap(Artifact::currentRevision)
        .map(current -> current.contentHash().equals(hash))
        .orElse(false);
  }

  private Collection implicitCollection(IngestArtifactCommand command) {
    return new Collection(
        command.orgId(),
        command.collectionId(),
        command.collectionId().value(),
        policy.defaultLanguage(),
        Collection.DEFAULT_CHUNK_TOKENS,
        clock.instant());
  }

  private Revision revision(
      long version,
      ContentHash hash,
      ContentHash textHash,
      String fileName,
      long sizeBytes,
      IngestArtifactCommand command,
      List<ChunkDraft> drafts) {
    // file_name always leads and is the name the parser went by; other keys keep their order.
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("file_name", fileName);
    command.metadata().forEach((key, value) -> metadata.putIfAbsent(key, value));
    long tokens = drafts.stream().mapToLong(ChunkDraft::tokenCount).sum();
    return new Revision(
        version,
        hash,
        textHash,
        fileName,
        sizeBytes,
        metadata,
        drafts.size(),
        tokens,
        clock.instant());
  }

  private static List<Chunk> toChunks(List<ChunkDraft> drafts, boolean available) {
    List<Chunk> chunks = new ArrayList<>(drafts.size());
    for (ChunkDraft draft : drafts) {
      chunks.add(
          new Chunk(
              UUID.randomUUID().toString(),
              chunks.size(),
              draft.text(),
              draft.tokenCount(),
              draft.headingPath(),
              List.of(),
              List.of(),
              available));
    }
    return chunks;
  }
}
