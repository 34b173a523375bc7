package dev.lectern.application.port.in.assistant;

import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.flow.Flow;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    AssistantStatus status,
    Map<String, String> attributes,
    Flow flow) {

  public AssistantDraft {
    collections = collections == null ? null : List.copyOf(collections);
    attributes = attributes == null ? null : Collections.unmodifiableMap(new HashMap<>(attributes));
  }

  /** A draft that sets nothing. */
  public static final AssistantDraft EMPTY =
      new AssistantDraft(
          null, null, null, null, null, null, null, null, false, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null);

  /** A draft that sets nothing but the name. */
  public static AssistantDraft named(String name) {
    return EMPTY.withName(name);
  }

  public AssistantDraft withName(String value) {
    return with(0, value);
  }

  public AssistantDraft withDescription(String value) {
    return with(1, value);
  }

  public AssistantDraft withSystemPrompt(String value) {
    return with(2, value);
  }

  public AssistantDraft withOpener(String value) {
    return with(3, value);
  }

  public AssistantDraft withEmptyResponse(String value) {
    return with(4, value);
  }

  public AssistantDraft withKnowledgeRequired(Boolean value) {
    return with(5, value);
  }

  public AssistantDraft withCollections(List<CollectionId> value) {
    return with(6, value);
  }

  public AssistantDraft withModel(String value) {
    return with(7, value);
  }

  public AssistantDraft withClearModel(boolean value) {
    return with(8, value);
  }

  public AssistantDraft withTemperature(Double value) {
    return with(9, value);
  }

  public AssistantDraft withTopP(Double value) {
    return with(10, value);
  }

  public AssistantDraft withPresencePenalty(Double value) {
    return with(11, value);
  }

  public AssistantDraft withFrequencyPenalty(Double value) {
    return with(12, value);
  }

  public AssistantDraft withMaxTokens(Integer value) {
    return with(13, value);
  }

  public AssistantDraft withTopN(Integer value) {
    return with(14, value);
  }

  public AssistantDraft withTopK(Integer value) {
    return with(15, value);
  }

  public AssistantDraft withSimilarityThreshold(Double value) {
    return with(16, value);
  }

  public AssistantDraft withKeywordWeight(Double value) {
    return with(17, value);
  }

  public AssistantDraft withHistoryWindow(Integer value) {
    return with(18, value);
  }

  public AssistantDraft withShowQuote(Boolean value) {
    return with(19, value);
  }

  public AssistantDraft withAccess(Access value) {
    return with(20, value);
  }

  public AssistantDraft withStatus(AssistantStatus value) {
    return with(21, value);
  }

  /** Attributes to set; a key whose value is null is removed, keys not named are kept. */
  public AssistantDraft withAttributes(Map<String, String> value) {
    return with(22, value);
  }

  /** The flow the assistant answers by, step by step. */
  public AssistantDraft withFlow(Flow value) {
    return with(23, value);
  }

  /** The same draft with component {@code index} (in declaration order) set. */
  @SuppressWarnings("unchecked")
  private AssistantDraft with(int index, Object value) {
    Object[] v = {
      name,
      description,
      systemPrompt,
      opener,
      emptyResponse,
      knowledgeRequired,
      collections,
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
      status,
      attributes,
      flow
    };
    v[index] = value;
    return new AssistantDraft(
        (String) v[0],
        (String) v[1],
        (String) v[2],
        (String) v[3],
        (String) v[4],
        (Boolean) v[5],
        (List<CollectionId>) v[6],
        (String) v[7],
        (Boolean) v[8],
        (Double) v[9],
        (Double) v[10],
        (Double) v[11],
        (Double) v[12],
        (Integer) v[13],
        (Integer) v[14],
        (Integer) v[15],
        (Double) v[16],
        (Double) v[17],
        (Integer) v[18],
        (Boolean) v[19],
        (Access) v[20],
        (AssistantStatus) v[21],
        (Map<String, String>) v[22],
        (Flow) v[23]);
  }
}
