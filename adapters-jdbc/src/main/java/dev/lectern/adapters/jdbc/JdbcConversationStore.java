package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Adapter: conversations and their messages in the {@code conversations} and {@code messages}
 * tables.
 */
public final class JdbcConversationStore implements ConversationStore {
  private static final String CONVERSATION =
      "org_id, id, assistant_id, name, user_id, created_at, updated_at";
  private static final String MESSAGE =
      "id, conversation_id, parent_id, role, content, message_refs, complete, input_tokens,"
          + " output_tokens, created_at";

  private final Jdbc jdbc;

  public JdbcConversationStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void create(Conversation c, List<Message> first) {
    jdbc.transaction(
        connection -> {
          Jdbc.update(
              connection,
              "INSERT INTO conversations (" + CONVERSATION + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
              c.orgId(),
              c.id(),
              c.assistantId(),
              c.name(),
              c.userId(),
              c.createdAt(),
              c.updatedAt());
          insertMessages(connection, c.orgId(), c.id(), first, 0);
          return null;
        });
  }

  @Override
  public Optional<Conversation> find(String orgId, String id) {
    return jdbc.one(
        "SELECT " + CONVERSATION + " FROM conversations WHERE org_id = ? AND id = ?",
        JdbcConversationStore::conversation,
        orgId,
        id);
  }

  @Override
  public List<Conversation> list(String orgId, String assistantId) {
    return jdbc.list(
        "SELECT "
            + CONVERSATION
            + " FROM conversations WHERE org_id = ? AND assistant_id = ? ORDER BY created_at, id",
        JdbcConversationStore::conversation,
        orgId,
        assistantId);
  }

  @Override
  public boolean rename(String orgId, String id, String name, Instant at) {
    return jdbc.update(
            "UPDATE conversations SET name = ?, updated_at = ? WHERE org_id = ? AND id = ?",
            name,
            at,
            orgId,
            id)
        > 0;
  }

  @Override
  public boolean delete(String orgId, String id) {
    return jdbc.transaction(
            c -> {
              Jdbc.update(
                  c, "DELETE FROM messages WHERE org_id = ? AND conversation_id = ?", orgId, id);
              return Jdbc.update(
                  c, "DELETE FROM conversations WHERE org_id = ? AND id = ?", orgId, id);
            })
        > 0;
  }

  @Override
  public Optional<String> conversationOf(String orgId, String messageId) {
    return jdbc.one(
        "SELECT conversation_id FROM messages WHERE org_id = ? AND id = ?",
        row -> row.getString("conversation_id"),
        orgId,
        messageId);
  }

  @Override
  public List<Message> messages(String orgId, String conversationId) {
    return jdbc.list(
        "SELECT "
            + MESSAGE
            + " FROM messages WHERE org_id = ? AND conversation_id = ? ORDER BY seq",
        JdbcConversationStore::message,
        orgId,
        conversationId);
  }

  @Override
  public boolean appendTurn(String orgId, String conversationId, List<Message> turn, Instant at) {
    return jdbc.transaction(
        c -> {
          // Taking the conversation's row first orders concurrent turns of one conversation.
          int touched =
              Jdbc.update(
                  c,
                  "UPDATE conversations SET updated_at = ? WHERE org_id = ? AND id = ?",
                  at,
                  orgId,
                  conversationId);
          if (touched == 0) {
            return false;
          }
          int next =
              Jdbc.one(
                      c,
                      "SELECT COALESCE(MAX(seq), -1) + 1 FROM messages WHERE org_id = ? AND"
                          + " conversation_id = ?",
                      row -> row.getInt(1),
                      orgId,
                      conversationId)
                  .orElse(0);
          insertMessages(c, orgId, conversationId, turn, next);
          return true;
        });
  }

  private static void insertMessages(
      Connection c, String orgId, String conversationId, List<Message> messages, int firstSeq)
      throws SQLException {
    int seq = firstSeq;
    for (Message m : messages) {
      List<Map<String, Object>> refs = new ArrayList<>();
      for (Reference r : m.references()) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("chunk_id", r.chunkId());
        ref.put("collection_id", r.collectionId());
        ref.put("document_id", r.documentId());
        ref.put("document_name", r.documentName());
        ref.put("score", r.score());
        ref.put("snippet", r.snippet());
        refs.add(ref);
      }
      Jdbc.update(
          c,
          "INSERT INTO messages (org_id, seq, "
              + MESSAGE
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          orgId,
          seq++,
          m.id(),
          conversationId,
          m.parentId(),
          m.role().name(),
          m.content(),
          MetadataJson.write(refs),
          m.complete(),
          m.inputTokens(),
          m.outputTokens(),
          m.createdAt());
    }
  }

  private static Conversation conversation(ResultSet row) throws SQLException {
    return new Conversation(
        row.getString("org_id"),
        row.getString("id"),
        row.getString("assistant_id"),
        row.getString("name"),
        row.getString("user_id"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }

  private static Message message(ResultSet row) throws SQLException {
    List<Reference> references = new ArrayList<>();
    for (Map<String, Object> ref : MetadataJson.readObjects(row.getString("message_refs"))) {
      references.add(
          new Reference(
              (String) ref.get("chunk_id"),
              (String) ref.get("collection_id"),
              (String) ref.get("document_id"),
              (String) ref.get("document_name"),
              ((Number) ref.get("score")).doubleValue(),
              (String) ref.get("snippet")));
    }
    return new Message(
        row.getString("id"),
        row.getString("conversation_id"),
        row.getString("parent_id"),
        Role.valueOf(row.getString("role")),
        row.getString("content"),
        references,
        row.getBoolean("complete"),
        row.getInt("input_tokens"),
        row.getInt("output_tokens"),
        Jdbc.instant(row, "created_at"));
  }
}
