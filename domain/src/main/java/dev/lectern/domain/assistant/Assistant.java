package dev.lectern.domain.assistant;

import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.flow.Flow;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entity: a configured answerer over some collections. Every dialect's chat assistant, bot or agent
 * is one.
 *
 * @param systemPrompt the instructions; {@value #KNOWLEDGE} marks where the retrieved passages go
 * @param opener the first message of a new conversation
 * @param emptyResponse the answer when nothing relevant was retrieved and knowledge is required;
 *     empty to let the model answer anyway
 * @param knowledgeRequired whether the system prompt must hold {@value #KNOWLEDGE}
 * @param historyWindow how many earlier messages of the conversation the model sees
 * @param showQuote whether answers carry citations
 * @param attributes settings a dialect keeps for its own clients and Lectern does not act on (an
 *     avatar, a dialect's extra prompt options), by a key the dialect owns
 * @param flow how the assistant answers step by step, or null for an assistant that answers with
 *     its system prompt and settings alone
 */
public record Assistant(
    String orgId,
    String id,
    String name,
    String description,
    String systemPrompt,
    String opener,
    String emptyResponse,
    boolean knowledgeRequired,
    List<CollectionId> collections,
    ModelChoice model,
    RetrievalChoice retrieval,
    int historyWindow,
    boolean showQuote,
    Access access,
    AssistantStatus status,
    Map<String, String> attributes,
    Flow flow,
    Instant createdAt,
    Instant updatedAt) {

  /** Where the retrieved passages go in a system prompt. */
  public static final String KNOWLEDGE = "{knowledge}";

  public static final String DEFAULT_DESCRIPTION = "A helpful Assistant";
  public static final String DEFAULT_OPENER = "Hi! I'm your assistant. What can I do for you?";
  public static final String DEFAULT_EMPTY_RESPONSE =
      "The knowledge base holds nothing that answers this question.";
  public static final String DEFAULT_SYSTEM_PROMPT =
      "You are an assistant that answers questions from a knowledge base. Use the passages below;"
          + " quote their figures and names exactly and do not add facts they do not hold. If they"
          + " do not answer the question, say that the knowledge base has no answer to it. Take"
          + " the conversation so far into account.\n\nPassages:\n"
          + KNOWLEDGE
          + "\nThe passages end here.";
  public static final int DEFAULT_HISTORY_WINDOW = 12;

  /** The longest value an attribute may have. */
  public static final int MAX_ATTRIBUTE_LENGTH = 262_144;

  /** The most an assistant's attributes may hold, in characters of their JSON form. */
  public static final int MAX_ATTRIBUTES_JSON = 1_000_000;

  /** The longest name an assistant may have. */
  public static final int MAX_NAME_LENGTH = 255;

  /** The most collections an assistant draws on (their ids are stored together). */
  public static final int MAX_COLLECTIONS = 512;

  public Assistant {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    opener = opener == null ? "" : opener;
    emptyResponse = emptyResponse == null ? "" : emptyResponse;
    collections = List.copyOf(collections);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(retrieval, "retrieval");
    if (historyWindow < 0) {
      throw new IllegalArgumentException("historyWindow must not be negative");
    }
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(status, "status");
    attributes =
        attributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new assistant with every default, over these collections. */
  public static Assistant create(
      String orgId, String id, String name, List<CollectionId> collections, Instant now) {
    return new Assistant(
        orgId,
        id,
        name,
        DEFAULT_DESCRIPTION,
        DEFAULT_SYSTEM_PROMPT,
        DEFAULT_OPENER,
        DEFAULT_EMPTY_RESPONSE,
        true,
        collections,
        ModelChoice.DEFAULTS,
        RetrievalChoice.DEFAULTS,
        DEFAULT_HISTORY_WINDOW,
        true,
        Access.PRIVATE,
        AssistantStatus.ACTIVE,
        Map.of(),
        null,
        now,
        now);
  }

  public boolean answers() {
    return status == AssistantStatus.ACTIVE;
  }
}
