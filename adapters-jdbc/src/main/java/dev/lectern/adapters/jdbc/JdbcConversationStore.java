package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.ConversationTree;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
      "org_id, id, assistant_id, name, user_id, created_at, updated_at, anonymous, stored_bytes";
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
              "INSERT INTO conversations (" + CONVERSATION + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              c.orgId(),
              c.id(),
              c.assistantId(),
              c.name(),
              c.userId(),
              c.createdAt(),
              c.updatedAt(),
              c.anonymous(),
              Stored.bytes(first));
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
                  "UPDATE conversations SET updated_at = ?, stored_bytes = stored_bytes + ?"
                      + " WHERE org_id = ? AND id = ?",
                  at,
                  Stored.bytes(turn),
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

  @Override
  public Optional<Message> message(String orgId, String conversationId, String messageId) {
    return jdbc.one(
        "SELECT " + MESSAGE + " FROM messages WHERE org_id = ? AND conversation_id = ? AND id = ?",
        JdbcConversationStore::message,
        orgId,
        conversationId,
        messageId);
  }

  @Override
  public int count(String orgId, String conversationId, Role role) {
    return jdbc.one(
            "SELECT COUNT(*) AS n FROM messages WHERE org_id = ? AND conversation_id = ?"
                + " AND role = ?",
            row -> row.getInt("n"),
            orgId,
            conversationId,
            role.name())
        .orElse(0);
  }

  @Override
  public Optional<String> lastMessageId(String orgId, String conversationId) {
    return jdbc.one(
        "SELECT id FROM messages WHERE org_id = ? AND conversation_id = ?"
            + " ORDER BY seq DESC LIMIT 1",
        row -> row.getString("id"),
        orgId,
        conversationId);
  }

  @Override
  public Optional<String> firstAnswerTo(String orgId, String conversationId, String messageId) {
    return jdbc.one(
        "SELECT id FROM messages WHERE org_id = ? AND conversation_id = ? AND parent_id = ?"
            + " AND role = ? ORDER BY seq LIMIT 1",
        row -> row.getString("id"),
        orgId,
        conversationId,
        messageId,
        Role.ASSISTANT.name());
  }

  /** One step up a branch: a message, how far from its end, and what it weighs. */
  private record Step(String id, int depth, long size) {}

  @Override
  public List<Message> branch(
      String orgId, String conversationId, String messageId, int window, long maxChars) {
    if (window < 1) {
      return List.of();
    }
    return jdbc.transaction(
        c -> {
          // The parent links are followed in the database: only the branch's own rows are read,
          // sizes first, so that the text read stays within the budget.
          List<Step> steps =
              Jdbc.list(
                  c,
                  "WITH RECURSIVE path (id, parent_id, depth, size) AS ("
                      + " SELECT id, parent_id, 1, CHAR_LENGTH(content) + CHAR_LENGTH(message_refs)"
                      + " FROM messages WHERE org_id = ? AND conversation_id = ? AND id = ?"
                      + " UNION ALL"
                      + " SELECT m.id, m.parent_id, path.depth + 1,"
                      + " CHAR_LENGTH(m.content) + CHAR_LENGTH(m.message_refs)"
                      + " FROM messages m JOIN path ON m.id = path.parent_id"
                      + " WHERE m.org_id = ? AND m.conversation_id = ? AND path.depth < ?)"
                      + " SELECT id, depth, size FROM path ORDER BY depth",
                  row -> new Step(row.getString("id"), row.getInt("depth"), row.getLong("size")),
                  orgId,
                  conversationId,
                  messageId,
                  orgId,
                  conversationId,
                  window);
          List<String> wanted = new ArrayList<>();
          int kept =
              ConversationTree.newestWithin(steps.stream().map(Step::size).toList(), maxChars);
          for (Step step : steps.subList(0, kept)) {
            wanted.add(step.id());
          }
          if (wanted.isEmpty()) {
            return List.<Message>of();
          }
          Map<String, Message> byId = new LinkedHashMap<>();
          for (Message m :
              Jdbc.list(
                  c,
                  "SELECT "
                      + MESSAGE
                      + " FROM messages WHERE org_id = ? AND conversation_id = ? AND id IN ("
                      + String.join(", ", Collections.nCopies(wanted.size(), "?"))
                      + ")",
                  JdbcConversationStore::message,
                  params(orgId, conversationId, wanted))) {
            byId.put(m.id(), m);
          }
          List<Message> oldestFirst = new ArrayList<>();
          for (int i = wanted.size() - 1; i >= 0; i--) {
            Message m = byId.get(wanted.get(i));
            if (m != null) {
              oldestFirst.add(m);
            }
          }
          return oldestFirst;
        });
  }

  private static Object[] params(String orgId, String conversationId, List<String> ids) {
    Object[] params = new Object[ids.size() + 2];
    params[0] = orgId;
    params[1] = conversationId;
    for (int i = 0; i < ids.size(); i++) {
      params[i + 2] = ids.get(i);
    }
    return params;
  }

  @Override
  public AnonymousUsage anonymousUsage(String orgId, String assistantId) {
    return jdbc.one(
            "SELECT COUNT(*) AS n, COALESCE(SUM(stored_bytes), 0) AS bytes FROM conversations"
                + " WHERE org_id = ? AND assistant_id = ? AND anonymous = TRUE",
            row -> new AnonymousUsage(row.getInt("n"), row.getLong("bytes")),
            orgId,
            assistantId)
        .orElse(new AnonymousUsage(0, 0));
  }

  /** A conversation and what it holds. */
  private record Held(String id, long bytes) {}

  @Override
  public int pruneAnonymous(
      String orgId, String assistantId, int keep, long storedBytes, String keepId) {
    AnonymousUsage usage = anonymousUsage(orgId, assistantId);
    if (usage.conversations() <= keep && usage.storedBytes() <= storedBytes) {
      return 0;
    }
    List<String> doomed = new ArrayList<>();
    long kept = 0;
    int seen = 0;
    for (Held held :
        jdbc.list(
            "SELECT id, stored_bytes FROM conversations"
                + " WHERE org_id = ? AND assistant_id = ? AND anonymous = TRUE"
                + " ORDER BY updated_at DESC, id DESC",
            row -> new Held(row.getString("id"), row.getLong("stored_bytes")),
            orgId,
            assistantId)) {
      kept += held.bytes();
      if ((seen++ >= keep || kept > storedBytes) && !held.id().equals(keepId)) {
        doomed.add(held.id());
      }
    }
    int removed = 0;
    for (String id : doomed) {
      if (delete(orgId, id)) {
        removed++;
      }
    }
    return removed;
  }

  private static void insertMessages(
      Connection c, String orgId, String conversationId, List<Message> messages, int firstSeq)
      throws SQLException {
    int seq = firstSeq;
    for (Message m : messages) {
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
          Stored.references(m),
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
        Jdbc.instant(row, "updated_at"),
        row.getBoolean("anonymous"),
        row.getLong("stored_bytes"));
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
