package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.PublishedVersion;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Adapter: artifacts and revisions in two tables. Claims lock the artifact row, so two processes
 * sharing the database cannot both start a write to one artifact.
 */
public final class JdbcArtifactStore implements ArtifactStore {
  private static final String KEY = " org_id = ? AND collection_id = ? AND id = ?";
  private static final String REVISION_KEY =
      " org_id = ? AND collection_id = ? AND artifact_id = ?";
  private static final String SELECT_ARTIFACT =
      "SELECT a.org_id, a.collection_id, a.id, a.status, a.current_version, a.pending_version,"
          + " a.deleting, a.created_at, a.updated_at, r.version, r.content_hash, r.text_hash,"
          + " r.file_name, r.size_bytes, r.metadata, r.chunk_count, r.token_count,"
          + " r.created_at AS revision_created_at"
          + " FROM artifacts a LEFT JOIN artifact_revisions r ON r.org_id = a.org_id"
          + " AND r.collection_id = a.collection_id AND r.artifact_id = a.id"
          + " AND r.version = a.current_version ";
  private static final String SELECT_REVISION =
      "SELECT version, content_hash, text_hash, file_name, size_bytes, metadata, chunk_count,"
          + " token_count, created_at AS revision_created_at FROM artifact_revisions WHERE";

  private static final String FIND_PUBLISHED =
      "SELECT a.id, a.current_version, r.file_name FROM UNNEST(?) AS k(id) JOIN artifacts a"
          + " ON a.org_id = ? AND a.collection_id = ? AND a.id = k.id JOIN artifact_revisions r"
          + " ON r.org_id = a.org_id AND r.collection_id = a.collection_id AND r.artifact_id = a.id"
          + " AND r.version = a.current_version WHERE a.deleting = FALSE";
  private static final String FIND_MANY =
      SELECT_ARTIFACT.replace(
          "FROM artifacts a LEFT JOIN",
          "FROM UNNEST(?) AS k(id) JOIN artifacts a ON a.org_id = ? AND a.collection_id = ?"
              + " AND a.id = k.id LEFT JOIN");

  private final Jdbc jdbc;

  public JdbcArtifactStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Artifact> find(ArtifactKey key) {
    return jdbc.one(
        SELECT_ARTIFACT + "WHERE a.org_id = ? AND a.collection_id = ? AND a.id = ?",
        JdbcArtifactStore::artifact,
        params(key));
  }

  @Override
  public Map<ArtifactKey, Artifact> findAll(Collection<ArtifactKey> keys) {
    Map<ArtifactKey, Artifact> found = new HashMap<>();
    perCollection(
        keys,
        (orgId, collectionId, ids) ->
            jdbc.list(FIND_MANY, JdbcArtifactStore::artifact, ids, orgId, collectionId)
                .forEach(artifact -> found.put(artifact.key(), artifact)));
    return found;
  }

  @Override
  public Map<ArtifactKey, PublishedVersion> findPublished(Collection<ArtifactKey> keys) {
    Map<ArtifactKey, PublishedVersion> found = new HashMap<>();
    perCollection(
        keys,
        (orgId, collectionId, ids) ->
            jdbc.list(
                    FIND_PUBLISHED,
                    row ->
                        Map.entry(
                            new ArtifactKey(
                                orgId,
                                new CollectionId(collectionId),
                                new ArtifactId(row.getString(1))),
                            new PublishedVersion(row.getLong(2), row.getString(3))),
                    ids,
                    orgId,
                    collectionId)
                .forEach(entry -> found.put(entry.getKey(), entry.getValue())));
    return found;
  }

  @FunctionalInterface
  private interface CollectionLookup {
    void find(String orgId, String collectionId, String[] ids);
  }

  /**
   * Runs one lookup per collection with that collection's ids as one array, joined on the primary
   * key: one index lookup per id, where an IN list would be checked against every artifact of the
   * collection.
   */
  private static void perCollection(Collection<ArtifactKey> keys, CollectionLookup lookup) {
    Map<List<String>, Set<String>> idsByCollection = new LinkedHashMap<>();
    for (ArtifactKey key : keys) {
      idsByCollection
          .computeIfAbsent(
              List.of(key.orgId(), key.collectionId().value()), k -> new LinkedHashSet<>())
          .add(key.artifactId().value());
    }
    idsByCollection.forEach(
        (collection, ids) ->
            lookup.find(collection.get(0), collection.get(1), ids.toArray(String[]::new)));
  }

  @Override
  public List<Artifact> list(String orgId, CollectionId collectionId) {
    return jdbc.list(
        SELECT_ARTIFACT
            + "WHERE a.org_id = ? AND a.collection_id = ? AND a.current_version IS NOT NULL"
            + " AND a.deleting = FALSE ORDER BY a.created_at, a.id",
        JdbcArtifactStore::artifact,
        orgId,
        collectionId.value());
  }

  @Override
  public List<Artifact> listPage(String orgId, CollectionId collectionId, Cursor after, int limit) {
    String where =
        "WHERE a.org_id = ? AND a.collection_id = ? AND a.current_version IS NOT NULL"
            + " AND a.deleting = FALSE";
    if (after == null) {
      return jdbc.list(
          SELECT_ARTIFACT + where + " ORDER BY a.created_at, a.id LIMIT " + limit,
          JdbcArtifactStore::artifact,
          orgId,
          collectionId.value());
    }
    return jdbc.list(
        SELECT_ARTIFACT
            + where
            + " AND (a.created_at > ? OR (a.created_at = ? AND a.id > ?))"
            + " ORDER BY a.created_at, a.id LIMIT "
            + limit,
        JdbcArtifactStore::artifact,
        orgId,
        collectionId.value(),
        after.createdAt(),
        after.createdAt(),
        after.artifactId().value());
  }

  @Override
  public Claim claimIngest(ArtifactKey key, Revision pending) {
    try {
      return jdbc.transaction(c -> claimIngest(c, key, pending));
    } catch (dev.lectern.application.error.LecternException e) {
      // Two first ingests of one artifact raced to insert its row: the loser is busy.
      if (Jdbc.isUniqueViolation(e)) {
        return Claim.BUSY;
      }
      throw e;
    }
  }

  private Claim claimIngest(Connection c, ArtifactKey key, Revision pending) throws SQLException {
    Optional<Artifact> existing = lock(c, key);
    if (existing.isEmpty()) {
      Jdbc.update(
          c,
          "INSERT INTO artifacts (org_id, collection_id, id, status, current_version,"
              + " pending_version, deleting, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, NULL, ?, FALSE, ?, ?)",
          key.orgId(),
          key.collectionId().value(),
          key.artifactId().value(),
          ArtifactStatus.RUNNING.name(),
          pending.version(),
          pending.createdAt(),
          pending.createdAt());
    } else if (existing.get().busy()) {
      return Claim.BUSY;
    } else if (existing.get().current() != null
        && existing.get().current().contentHash().equals(pending.contentHash())) {
      return Claim.UNCHANGED;
    } else {
      Jdbc.update(
          c,
          "UPDATE artifacts SET pending_version = ? WHERE" + KEY,
          prepend(pending.version(), params(key)));
    }
    insertRevision(c, key, pending);
    return Claim.STARTED;
  }

  @Override
  public void completeIngest(ArtifactKey key, long version) {
    jdbc.transaction(
        c -> {
          Optional<Artifact> existing = lockPending(c, key, version);
          if (existing.isEmpty()) {
            return null;
          }
          Revision revision = revision(c, key, version).orElseThrow();
          Jdbc.update(
              c,
              "UPDATE artifacts SET current_version = ?, pending_version = NULL, status = ?,"
                  + " updated_at = ? WHERE"
                  + KEY,
              prepend(
                  new Object[] {version, ArtifactStatus.DONE.name(), revision.createdAt()},
                  params(key)));
          Jdbc.update(
              c,
              "DELETE FROM artifact_revisions WHERE" + REVISION_KEY + " AND version <> ?",
              append(params(key), version));
          return null;
        });
  }

  @Override
  public void abandonIngest(ArtifactKey key, long version) {
    jdbc.transaction(
        c -> {
          Optional<Artifact> existing = lockPending(c, key, version);
          if (existing.isEmpty()) {
            return null;
          }
          Jdbc.update(
              c,
              "DELETE FROM artifact_revisions WHERE" + REVISION_KEY + " AND version = ?",
              append(params(key), version));
          if (existing.get().current() == null) {
            Jdbc.update(c, "DELETE FROM artifacts WHERE" + KEY, params(key));
          } else {
            Jdbc.update(c, "UPDATE artifacts SET pending_version = NULL WHERE" + KEY, params(key));
          }
          return null;
        });
  }

  @Override
  public Claim claimDelete(ArtifactKey key) {
    return jdbc.transaction(
        c -> {
          Optional<Artifact> existing = lock(c, key);
          if (existing.isEmpty() || (existing.get().current() == null && !existing.get().busy())) {
            return Claim.MISSING;
          }
          if (existing.get().busy()) {
            return Claim.BUSY;
          }
          Jdbc.update(c, "UPDATE artifacts SET deleting = TRUE WHERE" + KEY, params(key));
          return Claim.STARTED;
        });
  }

  @Override
  public void completeDelete(ArtifactKey key) {
    jdbc.transaction(
        c -> {
          Jdbc.update(c, "DELETE FROM artifact_revisions WHERE" + REVISION_KEY, params(key));
          return Jdbc.update(c, "DELETE FROM artifacts WHERE" + KEY, params(key));
        });
  }

  @Override
  public void recordChunkCounts(ArtifactKey key, long version, int chunkCount, long tokenCount) {
    jdbc.update(
        "UPDATE artifact_revisions SET chunk_count = ?, token_count = ? WHERE"
            + REVISION_KEY
            + " AND version = ?",
        prepend(new Object[] {chunkCount, tokenCount}, append(params(key), version)));
  }

  @Override
  public void renameRevision(ArtifactKey key, long version, String fileName) {
    Object[] revision = append(params(key), version);
    jdbc.transaction(
        c -> {
          Optional<String> stored =
              Jdbc.one(
                  c,
                  "SELECT metadata FROM artifact_revisions WHERE"
                      + REVISION_KEY
                      + " AND version = ? FOR UPDATE",
                  row -> row.getString(1),
                  revision);
          if (stored.isEmpty()) {
            return 0;
          }
          Map<String, Object> metadata = new LinkedHashMap<>(MetadataJson.read(stored.get()));
          metadata.put("file_name", fileName);
          return Jdbc.update(
              c,
              "UPDATE artifact_revisions SET file_name = ?, metadata = ? WHERE"
                  + REVISION_KEY
                  + " AND version = ?",
              prepend(new Object[] {fileName, MetadataJson.write(metadata)}, revision));
        });
  }

  @Override
  public void removeCollection(String orgId, CollectionId collectionId) {
    jdbc.transaction(
        c -> {
          Jdbc.update(
              c,
              "DELETE FROM artifact_revisions WHERE org_id = ? AND collection_id = ?",
              orgId,
              collectionId.value());
          return Jdbc.update(
              c,
              "DELETE FROM artifacts WHERE org_id = ? AND collection_id = ?",
              orgId,
              collectionId.value());
        });
  }

  @Override
  public List<Artifact> unfinished() {
    return jdbc.list(
        SELECT_ARTIFACT + "WHERE a.pending_version IS NOT NULL OR a.deleting = TRUE",
        JdbcArtifactStore::artifact);
  }

  @Override
  public Map<ArtifactKey, List<Long>> liveVersions() {
    Map<ArtifactKey, List<Long>> live = new HashMap<>();
    jdbc.list(
        "SELECT org_id, collection_id, id, current_version, pending_version FROM artifacts",
        row -> {
          List<Long> versions = new ArrayList<>(2);
          Long current = Jdbc.nullableLong(row, "current_version");
          Long pending = Jdbc.nullableLong(row, "pending_version");
          if (current != null) {
            versions.add(current);
          }
          if (pending != null) {
            versions.add(pending);
          }
          return live.put(key(row, "id"), versions);
        });
    return live;
  }

  @Override
  public Set<String> referencedBlobs() {
    Set<String> hashes = new HashSet<>();
    jdbc.list(
        "SELECT content_hash, text_hash FROM artifact_revisions",
        row -> hashes.add(row.getString("content_hash")) | hashes.add(row.getString("text_hash")));
    return hashes;
  }

  private static Optional<Artifact> lock(Connection c, ArtifactKey key) throws SQLException {
    Optional<Boolean> present =
        Jdbc.one(
            c,
            "SELECT deleting FROM artifacts WHERE" + KEY + " FOR UPDATE",
            row -> true,
            params(key));
    if (present.isEmpty()) {
      return Optional.empty();
    }
    return Jdbc.one(
        c,
        SELECT_ARTIFACT + "WHERE a.org_id = ? AND a.collection_id = ? AND a.id = ?",
        JdbcArtifactStore::artifact,
        params(key));
  }

  /** Locks the artifact if {@code version} is its pending revision. */
  private static Optional<Artifact> lockPending(Connection c, ArtifactKey key, long version)
      throws SQLException {
    return lock(c, key).filter(a -> Long.valueOf(version).equals(a.pendingVersion()));
  }

  private static Optional<Revision> revision(Connection c, ArtifactKey key, long version)
      throws SQLException {
    return Jdbc.one(
        c,
        SELECT_REVISION + REVISION_KEY + " AND version = ?",
        JdbcArtifactStore::revision,
        append(params(key), version));
  }

  private static void insertRevision(Connection c, ArtifactKey key, Revision r)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO artifact_revisions (org_id, collection_id, artifact_id, version,"
            + " content_hash, text_hash, file_name, size_bytes, metadata, chunk_count,"
            + " token_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key.orgId(),
        key.collectionId().value(),
        key.artifactId().value(),
        r.version(),
        r.contentHash().hex(),
        r.textHash().hex(),
        r.fileName(),
        r.sizeBytes(),
        MetadataJson.write(r.metadata()),
        r.chunkCount(),
        r.tokenCount(),
        r.createdAt());
  }

  private static Artifact artifact(ResultSet row) throws SQLException {
    Long current = Jdbc.nullableLong(row, "current_version");
    return new Artifact(
        key(row, "id"),
        ArtifactStatus.valueOf(row.getString("status")),
        current == null ? null : revision(row),
        Jdbc.nullableLong(row, "pending_version"),
        row.getBoolean("deleting"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }

  private static Revision revision(ResultSet row) throws SQLException {
    return new Revision(
        row.getLong("version"),
        new ContentHash(row.getString("content_hash")),
        new ContentHash(row.getString("text_hash")),
        row.getString("file_name"),
        row.getLong("size_bytes"),
        MetadataJson.read(row.getString("metadata")),
        row.getInt("chunk_count"),
        row.getLong("token_count"),
        Jdbc.instant(row, "revision_created_at"));
  }

  private static ArtifactKey key(ResultSet row, String idColumn) throws SQLException {
    return new ArtifactKey(
        row.getString("org_id"),
        new CollectionId(row.getString("collection_id")),
        new ArtifactId(row.getString(idColumn)));
  }

  private static Object[] params(ArtifactKey key) {
    return new Object[] {key.orgId(), key.collectionId().value(), key.artifactId().value()};
  }

  private static Object[] prepend(Object first, Object[] rest) {
    return prepend(new Object[] {first}, rest);
  }

  private static Object[] prepend(Object[] first, Object[] rest) {
    Object[] all = new Object[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  private static Object[] append(Object[] first, Object last) {
    return prepend(first, new Object[] {last});
  }
}
