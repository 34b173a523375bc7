package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.collection.CollectionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Adapter: document catalogue entries in the {@code documents} table. */
public final class JdbcDocumentStore implements DocumentStore {
  private static final String COLUMNS =
      "org_id, collection_id, artifact_id, name, source_hash, size_bytes, chunk_method,"
          + " parser_config, meta_fields, enabled, run, progress, progress_msg, process_begin_at,"
          + " process_duration, parse_task_id, created_at, updated_at";
  private static final String KEY = " org_id = ? AND collection_id = ? AND artifact_id = ?";

  private final Jdbc jdbc;

  public JdbcDocumentStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<DocumentEntry> find(ArtifactKey key) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM documents WHERE" + KEY, JdbcDocumentStore::map, params(key));
  }

  @Override
  public List<DocumentEntry> list(String orgId, CollectionId collectionId) {
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + " FROM documents WHERE org_id = ? AND collection_id = ?"
            + " ORDER BY created_at, artifact_id",
        JdbcDocumentStore::map,
        orgId,
        collectionId.value());
  }

  @Override
  public boolean insert(DocumentEntry entry) {
    return jdbc.updateUnlessDuplicate(
        "INSERT INTO documents ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values(entry));
  }

  @Override
  public boolean update(DocumentEntry entry) {
    Object[] values = values(entry);
    Object[] params = new Object[values.length];
    System.arraycopy(values, 3, params, 0, values.length - 3);
    System.arraycopy(values, 0, params, values.length - 3, 3);
    return jdbc.updateUnlessDuplicate(
        "UPDATE documents SET name = ?, source_hash = ?, size_bytes = ?, chunk_method = ?,"
            + " parser_config = ?, meta_fields = ?, enabled = ?, run = ?, progress = ?,"
            + " progress_msg = ?, process_begin_at = ?, process_duration = ?, parse_task_id = ?,"
            + " created_at = ?, updated_at = ? WHERE"
            + KEY,
        params);
  }

  @Override
  public void delete(ArtifactKey key) {
    jdbc.update("DELETE FROM documents WHERE" + KEY, params(key));
  }

  @Override
  public void deleteCollection(String orgId, CollectionId collectionId) {
    jdbc.update(
        "DELETE FROM documents WHERE org_id = ? AND collection_id = ?",
        orgId,
        collectionId.value());
  }

  @Override
  public Set<String> referencedBlobs() {
    return new HashSet<>(
        jdbc.list("SELECT DISTINCT source_hash FROM documents", row -> row.getString(1)));
  }

  private static Object[] params(ArtifactKey key) {
    return new Object[] {key.orgId(), key.collectionId().value(), key.artifactId().value()};
  }

  private static Object[] values(DocumentEntry e) {
    ParseState p = e.parse();
    return new Object[] {
      e.key().orgId(),
      e.key().collectionId().value(),
      e.key().artifactId().value(),
      e.name(),
      e.source().hex(),
      e.sizeBytes(),
      e.chunkMethod().code(),
      MetadataJson.write(e.parserConfig()),
      MetadataJson.write(e.metaFields()),
      e.enabled(),
      p.run().name(),
      p.progress(),
      p.message(),
      p.beganAt(),
      p.durationSeconds(),
      p.taskId(),
      e.createdAt(),
      e.updatedAt()
    };
  }

  private static DocumentEntry map(ResultSet row) throws SQLException {
    ArtifactKey key =
        new ArtifactKey(
            row.getString("org_id"),
            new CollectionId(row.getString("collection_id")),
            new ArtifactId(row.getString("artifact_id")));
    ParseState parse =
        new ParseState(
            ArtifactStatus.valueOf(row.getString("run")),
            row.getDouble("progress"),
            row.getString("progress_msg"),
            Jdbc.instant(row, "process_begin_at"),
            row.getDouble("process_duration"),
            row.getString("parse_task_id"));
    return new DocumentEntry(
        key,
        row.getString("name"),
        new ContentHash(row.getString("source_hash")),
        row.getLong("size_bytes"),
        Jdbc.chunkMethod(row.getString("chunk_method")),
        MetadataJson.read(row.getString("parser_config")),
        MetadataJson.read(row.getString("meta_fields")),
        row.getBoolean("enabled"),
        parse,
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }
}
