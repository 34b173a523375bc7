package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A full-text query over the available chunks of some collections of one organization.
 *
 * @param limit how many hits at most, best first
 * @param highlight whether hits carry their text with the matched terms in {@code <em>} tags
 */
public record ChunkQuery(
    String orgId, List<Scope> scopes, String text, int limit, boolean highlight) {

  /**
   * One collection searched, analysed in its language.
   *
   * @param artifactIds the artifacts searched; null for all of the collection's
   */
  public record Scope(CollectionId collectionId, Language language, Set<ArtifactId> artifactIds) {
    public Scope {
      Objects.requireNonNull(collectionId, "collectionId");
      Objects.requireNonNull(language, "language");
      artifactIds = artifactIds == null ? null : Set.copyOf(artifactIds);
    }
  }

  public ChunkQuery {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(text, "text");
    scopes = List.copyOf(scopes);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
  }
}
