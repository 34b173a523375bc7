package dev.lectern.application.port.in.retrieval;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Objects;

/**
 * Input of {@link RetrieveChunksUseCase}.
 *
 * @param artifactIds the artifacts searched, in any of the collections; null for all
 * @param topK how many best chunks are considered before the threshold and paging
 * @param threshold the lowest normalised score (0..1) a chunk may have
 * @param page 1-based page of the thresholded chunks
 */
public record RetrieveChunksCommand(
    String orgId,
    List<CollectionId> collectionIds,
    List<ArtifactId> artifactIds,
    MetadataFilter filter,
    String question,
    int topK,
    double threshold,
    int page,
    int pageSize,
    boolean highlight) {

  public RetrieveChunksCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(question, "question");
    collectionIds = List.copyOf(collectionIds);
    artifactIds = artifactIds == null ? null : List.copyOf(artifactIds);
    filter = filter == null ? MetadataFilter.NONE : filter;
    if (topK < 0 || page < 1 || pageSize < 0) {
      throw new IllegalArgumentException("topK and pageSize must not be negative, page positive");
    }
  }
}
