package dev.lectern.application.port.in.answer;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Objects;

/**
 * What a reply may draw on: the best {@code topK} chunks of a collection, narrowed to some
 * artifacts (null for all) and by metadata.
 */
public record KnowledgeScope(
    CollectionId collectionId, List<ArtifactId> artifactIds, MetadataFilter filter, int topK) {
  /** How many chunks a search a client's tool asks for reads, unless it says otherwise. */
  public static final int DEFAULT_TOP_K = 32;

  /** The best {@link #DEFAULT_TOP_K} chunks. */
  public KnowledgeScope(
      CollectionId collectionId, List<ArtifactId> artifactIds, MetadataFilter filter) {
    this(collectionId, artifactIds, filter, DEFAULT_TOP_K);
  }

  public KnowledgeScope {
    Objects.requireNonNull(collectionId, "collectionId");
    artifactIds = artifactIds == null ? null : List.copyOf(artifactIds);
    filter = filter == null ? MetadataFilter.NONE : filter;
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be positive");
    }
  }
}
