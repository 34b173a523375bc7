package dev.lectern.application.port.in.assistant;

import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/**
 * What a caller sets on an assistant: on create, null takes the default; on update, null keeps the
 * current value. {@code model} and {@code clearModel} together: a name picks a configured model,
 * {@code clearModel} goes back to the server's default.
 */
public record AssistantDraft(
    String name,
    String description,
    String systemPrompt,
    String opener,
    String emptyResponse,
    Boolean knowledgeRequired,
    List<CollectionId> collections,
    String model,
    boolean clearModel,
    Double temperature,
    Double topP,
    Double presencePenalty,
    Double frequencyPenalty,
    Integer maxTokens,
    Integer topN,
    Integer topK,
    Double similarityThreshold,
    Double keywordWeight,
    Integer historyWindow,
    Boolean showQuote,
    Access access,
    AssistantStatus status) {

  public AssistantDraft {
    collections = collections == null ? null : List.copyOf(collections);
  }

  /** A draft that sets nothing but the name. */
  public static AssistantDraft named(String name) {
    return new AssistantDraft(
        name, null, null, null, null, null, null, null, false, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  /** The same draft over these collections. */
  public AssistantDraft withCollections(List<CollectionId> ids) {
    return new AssistantDraft(
        name,
        description,
        systemPrompt,
        opener,
        emptyResponse,
        knowledgeRequired,
        ids,
        model,
        clearModel,
        temperature,
        topP,
        presencePenalty,
        frequencyPenalty,
        maxTokens,
        topN,
        topK,
        similarityThreshold,
        keywordWeight,
        historyWindow,
        showQuote,
        access,
        status);
  }
}
