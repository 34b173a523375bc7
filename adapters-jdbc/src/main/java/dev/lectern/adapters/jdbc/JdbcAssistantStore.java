package dev.lectern.adapters.jdbc;

import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.collection.CollectionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Adapter: assistants in the {@code assistants} table; deleting one deletes its conversations. */
public final class JdbcAssistantStore implements AssistantStore {
  private static final String COLUMNS =
      "org_id, id, name, name_key, description, system_prompt, opener, empty_response,"
          + " knowledge_required, collection_ids, llm_model, temperature, top_p, presence_penalty,"
          + " frequency_penalty, max_tokens, top_n, top_k, similarity_threshold, keyword_weight,"
          + " history_window, show_quote, access, status, attributes, flow, created_at, updated_at";
  private static final int KEY_COLUMNS = 2;

  /** {@code name = ?, …}: every column after the key. */
  private static final String ASSIGNMENTS =
      String.join(" = ?, ", COLUMNS.substring(COLUMNS.indexOf("name,")).split(",\\s*")) + " = ?";

  private final Jdbc jdbc;

  public JdbcAssistantStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public boolean insert(Assistant assistant) {
    String marks = "?, ".repeat(28);
    return jdbc.updateUnlessDuplicate(
        "INSERT INTO assistants ("
            + COLUMNS
            + ") VALUES ("
            + marks.substring(0, marks.length() - 2)
            + ")",
        values(assistant));
  }

  @Override
  public boolean update(Assistant assistant) {
    return jdbc.updateUnlessDuplicate(
        "UPDATE assistants SET " + ASSIGNMENTS + " WHERE org_id = ? AND id = ?",
        updateParams(assistant));
  }

  @Override
  public Outcome updateIfUnchanged(Assistant assistant, Instant seen) {
    Object[] keyed = updateParams(assistant);
    Object[] params = Arrays.copyOf(keyed, keyed.length + 1);
    params[keyed.length] = seen;
    try {
      int changed =
          jdbc.update(
              "UPDATE assistants SET "
                  + ASSIGNMENTS
                  + " WHERE org_id = ? AND id = ? AND updated_at = ?",
              params);
      return changed == 1 ? Outcome.UPDATED : Outcome.CHANGED;
    } catch (LecternException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return Outcome.NAME_TAKEN;
      }
      throw e;
    }
  }

  /** The values of every column but the key, then the key's. */
  private static Object[] updateParams(Assistant assistant) {
    Object[] values = values(assistant);
    Object[] params = new Object[values.length];
    System.arraycopy(values, KEY_COLUMNS, params, 0, values.length - KEY_COLUMNS);
    System.arraycopy(values, 0, params, values.length - KEY_COLUMNS, KEY_COLUMNS);
    return params;
  }

  @Override
  public Optional<Assistant> find(String orgId, String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM assistants WHERE org_id = ? AND id = ?",
        JdbcAssistantStore::map,
        orgId,
        id);
  }

  @Override
  public Optional<Assistant> findPublic(String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM assistants WHERE id = ? AND access = ? ORDER BY org_id",
        JdbcAssistantStore::map,
        id,
        Access.PUBLIC.name());
  }

  @Override
  public List<Assistant> list(String orgId) {
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM assistants WHERE org_id = ? ORDER BY created_at, id",
        JdbcAssistantStore::map,
        orgId);
  }

  @Override
  public boolean delete(String orgId, String id) {
    return jdbc.transaction(
            c -> {
              String ofAssistant =
                  " WHERE org_id = ? AND conversation_id IN (SELECT id FROM conversations"
                      + " WHERE org_id = ? AND assistant_id = ?)";
              Jdbc.update(c, "DELETE FROM messages" + ofAssistant, orgId, orgId, id);
              Jdbc.update(
                  c, "DELETE FROM conversations WHERE org_id = ? AND assistant_id = ?", orgId, id);
              return Jdbc.update(
                  c, "DELETE FROM assistants WHERE org_id = ? AND id = ?", orgId, id);
            })
        > 0;
  }

  private static Object[] values(Assistant a) {
    List<String> collections = new ArrayList<>();
    a.collections().forEach(id -> collections.add(id.value()));
    ModelChoice m = a.model();
    RetrievalChoice r = a.retrieval();
    return new Object[] {
      a.orgId(),
      a.id(),
      a.name(),
      a.name().toLowerCase(Locale.ROOT),
      a.description(),
      a.systemPrompt(),
      a.opener(),
      a.emptyResponse(),
      a.knowledgeRequired(),
      MetadataJson.write(collections),
      m.model(),
      m.temperature(),
      m.topP(),
      m.presencePenalty(),
      m.frequencyPenalty(),
      m.maxTokens(),
      r.topN(),
      r.topK(),
      r.similarityThreshold(),
      r.keywordWeight(),
      a.historyWindow(),
      a.showQuote(),
      a.access().name(),
      a.status().name(),
      MetadataJson.write(a.attributes()),
      FlowJson.write(a.flow()),
      a.createdAt(),
      a.updatedAt()
    };
  }

  private static Assistant map(ResultSet row) throws SQLException {
    List<CollectionId> collections = new ArrayList<>();
    MetadataJson.readLines(row.getString("collection_ids"))
        .forEach(id -> collections.add(new CollectionId(id)));
    return new Assistant(
        row.getString("org_id"),
        row.getString("id"),
        row.getString("name"),
        row.getString("description"),
        row.getString("system_prompt"),
        row.getString("opener"),
        row.getString("empty_response"),
        row.getBoolean("knowledge_required"),
        collections,
        new ModelChoice(
            row.getString("llm_model"),
            row.getDouble("temperature"),
            row.getDouble("top_p"),
            row.getDouble("presence_penalty"),
            row.getDouble("frequency_penalty"),
            row.getInt("max_tokens")),
        new RetrievalChoice(
            row.getInt("top_n"),
            row.getInt("top_k"),
            row.getDouble("similarity_threshold"),
            row.getDouble("keyword_weight")),
        row.getInt("history_window"),
        row.getBoolean("show_quote"),
        Access.valueOf(row.getString("access")),
        AssistantStatus.valueOf(row.getString("status")),
        attributes(row.getString("attributes")),
        FlowJson.read(row.getString("flow")),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }

  private static Map<String, String> attributes(String json) {
    Map<String, String> attributes = new LinkedHashMap<>();
    MetadataJson.read(json).forEach((key, value) -> attributes.put(key, String.valueOf(value)));
    return attributes;
  }
}
