package dev.lectern.application.service.retrieval;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.Retrieval.DocumentCount;
import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkMatch;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.ChunkSearch;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.application.port.out.PublishedVersion;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Service: checks the collections, narrows to artifacts by id and metadata, asks the index for the
 * best chunks, keeps those of published versions above the threshold, and pages them.
 */
public final class RetrieveChunksService implements RetrieveChunksUseCase {
  private final CollectionStore collections;
  private final ArtifactStore artifacts;
  private final ChunkIndex index;
  private final RetrievalScopes scopes;

  public RetrieveChunksService(
      CollectionStore collections,
      ArtifactStore artifacts,
      DocumentStore documents,
      ChunkIndex index) {
    this.collections = collections;
    this.artifacts = artifacts;
    this.index = index;
    this.scopes = new RetrievalScopes(artifacts, documents);
  }

  @Override
  public Retrieval retrieve(RetrieveChunksCommand command) {
    List<Collection> searched = new ArrayList<>();
    for (CollectionId id : new LinkedHashSet<>(command.collectionIds())) {
      searched.add(
          collections
              .find(command.orgId(), id)
              .orElseThrow(
                  () ->
                      NotFound.of("collection '" + id + "' not found", "collection", id.value())));
    }
    Optional<List<ChunkQuery.Scope>> narrowed = scopes.of(command, searched);
    if (narrowed.isEmpty() || command.question().isBlank() || command.topK() == 0) {
      return Retrieval.EMPTY;
    }
    ChunkQuery query =
        new ChunkQuery(
            command.orgId(),
            narrowed.get(),
            command.question(),
            command.topK(),
            command.highlight(),
            command.threshold());
    try (ChunkSearch search = index.open(query)) {
      return page(command, published(search.matches(), command.threshold()), search);
    }
  }

  /** A match of a published version at or above the threshold; its text is not read yet. */
  private record Kept(ArtifactKey key, String fileName, int position) {}

  /** Matches of versions readers can see, at or above the threshold. */
  private List<Kept> published(List<ChunkMatch> matches, double threshold) {
    Set<ArtifactKey> keys = new LinkedHashSet<>();
    for (ChunkMatch match : matches) {
      if (match.score() >= threshold) {
        keys.add(match.key());
      }
    }
    Map<ArtifactKey, PublishedVersion> found =
        keys.isEmpty() ? Map.of() : artifacts.findPublished(keys);
    List<Kept> kept = new ArrayList<>();
    for (int position = 0; position < matches.size(); position++) {
      ChunkMatch match = matches.get(position);
      PublishedVersion published = found.get(match.key());
      if (match.score() >= threshold
          && published != null
          && published.version() == match.version()) {
        kept.add(new Kept(match.key(), published.fileName(), position));
      }
    }
    return kept;
  }

  /**
   * Counts every kept chunk per document; reads the texts, and the full artifacts, of the requested
   * page only.
   */
  private Retrieval page(RetrieveChunksCommand command, List<Kept> kept, ChunkSearch search) {
    Map<ArtifactKey, DocumentCount> counts = new LinkedHashMap<>();
    for (Kept chunk : kept) {
      counts.merge(
          chunk.key(),
          new DocumentCount(chunk.key(), chunk.fileName(), 1),
          (a, b) -> new DocumentCount(a.key(), a.fileName(), a.count() + 1));
    }
    List<DocumentCount> documents = new ArrayList<>(counts.values());
    documents.sort(Comparator.comparingInt(DocumentCount::count).reversed());
    long from = (long) (command.page() - 1) * command.pageSize();
    int start = (int) Math.min(from, kept.size());
    int end = (int) Math.min(from + command.pageSize(), kept.size());
    List<Kept> onPage = kept.subList(start, end);
    Map<ArtifactKey, Artifact> artifactsOnPage =
        onPage.isEmpty()
            ? Map.of()
            : artifacts.findAll(onPage.stream().map(Kept::key).collect(Collectors.toSet()));
    List<RetrievedChunk> chunks = new ArrayList<>(onPage.size());
    for (Kept chunk : onPage) {
      Artifact artifact = artifactsOnPage.get(chunk.key());
      if (artifact == null) {
        continue; // deleted since the check above
      }
      ChunkHit hit = search.hit(chunk.position());
      chunks.add(new RetrievedChunk(artifact, hit.chunk(), hit.score(), hit.highlighted()));
    }
    return new Retrieval(kept.size(), chunks, documents);
  }
}
