package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: persistence of artifacts and their revisions. Every write is a two-step claim and
 * completion so that a crash between the metadata store and the chunk index can be reconciled.
 */
public interface ArtifactStore {

  /** What a claim found. */
  enum Claim {
    STARTED,
    UNCHANGED,
    BUSY,
    MISSING
  }

  Optional<Artifact> find(ArtifactKey key);

  /** The artifacts of those keys that exist, in one round trip per collection (or a few). */
  Map<ArtifactKey, Artifact> findAll(Collection<ArtifactKey> keys);

  /**
   * The published version of those keys that are populated and not being deleted, in one round trip
   * per collection; a lighter {@link #findAll} for checking many search hits.
   */
  Map<ArtifactKey, PublishedVersion> findPublished(Collection<ArtifactKey> keys);

  /** Populated artifacts of a collection, oldest first. */
  List<Artifact> list(String orgId, CollectionId collectionId);

  /**
   * Where a page of {@link #listPage} starts: after the artifact created at {@code createdAt} with
   * id {@code artifactId}.
   */
  record Cursor(Instant createdAt, ArtifactId artifactId) {
    public static Cursor after(Artifact artifact) {
      return new Cursor(artifact.createdAt(), artifact.key().artifactId());
    }
  }

  /**
   * Up to {@code limit} populated artifacts of a collection in the order of {@link #list}, after
   * {@code after} (null for the first page): for reading a large collection page by page.
   */
  List<Artifact> listPage(String orgId, CollectionId collectionId, Cursor after, int limit);

  /**
   * Atomically registers {@code pending} as the artifact's pending revision, creating the artifact
   * when it does not exist. {@code UNCHANGED} when the current revision already has the same
   * content hash, {@code BUSY} when another write is in progress.
   */
  Claim claimIngest(ArtifactKey key, Revision pending);

  /** Makes the pending revision current and forgets the one it replaces. */
  void completeIngest(ArtifactKey key, long version);

  /** Drops the pending revision; an artifact that never had a current revision disappears. */
  void abandonIngest(ArtifactKey key, long version);

  /** Marks the artifact as being deleted: {@code MISSING}, {@code BUSY} or {@code STARTED}. */
  Claim claimDelete(ArtifactKey key);

  void completeDelete(ArtifactKey key);

  /** Records new chunk and token counts on the artifact's current revision. */
  void recordChunkCounts(ArtifactKey key, long version, int chunkCount, long tokenCount);

  /**
   * Gives one revision a new file name, in its metadata's {@code file_name} too (where it keeps its
   * place); nothing when the revision does not exist.
   */
  void renameRevision(ArtifactKey key, long version, String fileName);

  /** Forgets every artifact of the collection and all their revisions. */
  void removeCollection(String orgId, CollectionId collectionId);

  /** Artifacts a crash may have left mid-write: a pending revision or a delete in progress. */
  List<Artifact> unfinished();

  /** Every artifact's visible or pending index version, keyed by artifact, across all orgs. */
  Map<ArtifactKey, List<Long>> liveVersions();

  /** Blob hashes referenced by any revision, across all orgs. */
  Set<String> referencedBlobs();
}
