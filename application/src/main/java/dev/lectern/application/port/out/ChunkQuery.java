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
 * @param minScore the lowest normalised score (0..1) the caller keeps; the index may skip chunks
 *     that cannot reach it, and may still return some below it
 */
public record ChunkQuery(
    String orgId, List<Scope> scopes, String text, int limit, boolean highlight, double minScore) {

  /** A query that keeps every score. */
  public ChunkQuery(String orgId, List<Scope> scopes, String text, int limit, boolean highlight) {
    this(orgId, scopes, text, limit, highlight, 0);
  }

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
