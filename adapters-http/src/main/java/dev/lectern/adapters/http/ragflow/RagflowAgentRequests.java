package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.flow.Flow;
import dev.lectern.domain.flow.FlowRenderer;
import dev.lectern.domain.flow.FlowStep;
import dev.lectern.domain.flow.FlowTooLarge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RAGFlow's agent requests as assistant drafts. An agent is an assistant whose DSL is kept in an
 * attribute; the DSL decides its opener, datasets, retrieval settings, model and sampling, which
 * are set again whenever the DSL changes.
 */
final class RagflowAgentRequests {
  /** The attribute that holds an agent's DSL, and marks an assistant as an agent. */
  static final String DSL = "ragflow.dsl";

  /** The longest DSL an agent may have, in characters of compact JSON. */
  static final int MAX_DSL_LENGTH = Assistant.MAX_ATTRIBUTE_LENGTH;

  /** RAGFlow's Retrieval component defaults: top 8, threshold 0.2, keyword weight 0.5. */
  private static final RetrievalChoice RETRIEVAL =
      new RetrievalChoice(8, RetrievalChoice.DEFAULTS.topK(), 0.2, 0.5);

  private RagflowAgentRequests() {}

  static boolean isAgent(Assistant assistant) {
    return assistant.attributes().containsKey(DSL);
  }

  /**
   * The agent's flow, as stored with it; an agent stored before flows were is read from its DSL
   * once more.
   */
  static Flow flow(Assistant agent) {
    return agent.flow() != null
        ? agent.flow()
        : RagflowAgentDsl.read(new TextNode(agent.attributes().get(DSL)));
  }

  /** {@code POST /agents}: RAGFlow checks the DSL, then the title, then its uniqueness. */
  static AssistantDraft create(ObjectNode body, RagflowChatRequests.Lookup lookup) {
    if (!RagflowChatRequests.truthy(body.get("dsl"))) {
      throw RagflowErrors.missing("No DSL data in request.");
    }
    if (!RagflowChatRequests.truthy(body.get("title"))) {
      throw RagflowErrors.missing("No title in request.");
    }
    String title = title(body.get("title"), lookup, null);
    AssistantDraft draft = compiled(body.get("dsl"), lookup).withName(title);
    Map<String, String> attributes = new HashMap<>();
    attributes.put(DSL, stored(body.get("dsl")));
    attributes.put(RagflowChatWire.AVATAR, RagflowChatRequests.avatar(body.get("avatar")));
    String description = RagflowChatRequests.text(body.get("description"));
    return draft.withDescription(description == null ? "" : description).withAttributes(attributes);
  }

  /** {@code PUT /agents/{id}}: null and absent fields are left as they are. */
  static AssistantDraft update(
      ObjectNode body, Assistant current, RagflowChatRequests.Lookup lookup) {
    AssistantDraft draft = AssistantDraft.EMPTY;
    // Only the attributes this request changes, so that a concurrent change to others stays.
    Map<String, String> attributes = new HashMap<>();
    JsonNode dsl = body.get("dsl");
    if (dsl != null && !dsl.isNull()) {
      draft = compiled(dsl, lookup);
      attributes.put(DSL, stored(dsl));
    }
    JsonNode title = body.get("title");
    if (title != null && !title.isNull()) {
      draft = draft.withName(title(title, lookup, current.id()));
    }
    JsonNode description = body.get("description");
    if (description != null && !description.isNull()) {
      draft = draft.withDescription(RagflowChatRequests.text(description));
    }
    JsonNode avatar = body.get("avatar");
    if (avatar != null && !avatar.isNull()) {
      attributes.put(RagflowChatWire.AVATAR, RagflowChatRequests.avatar(avatar));
    }
    return draft.withAttributes(attributes);
  }

  private static String title(JsonNode node, RagflowChatRequests.Lookup lookup, String except) {
    String title = RagflowChatRequests.text(node).strip();
    if (title.isEmpty()) {
      throw RagflowErrors.data("`title` can not be empty.");
    }
    if (lookup.nameTaken(title, except)) {
      throw RagflowErrors.data("Agent with title " + title + " already exists.");
    }
    return title;
  }

  private static String stored(JsonNode dsl) {
    String text = RagflowAgentDsl.text(dsl);
    if (text.length() > MAX_DSL_LENGTH) {
      throw RagflowErrors.data("The DSL is longer than " + MAX_DSL_LENGTH + " characters.");
    }
    return text;
  }

  /** What the DSL sets on the assistant, every setting given so that an update replaces it. */
  private static AssistantDraft compiled(JsonNode node, RagflowChatRequests.Lookup lookup) {
    Flow flow = RagflowAgentDsl.read(node);
    RetrievalChoice retrieval = RETRIEVAL;
    ModelChoice sampling = ModelChoice.DEFAULTS;
    List<CollectionId> datasets =
        flow.retrieve().map(search -> datasets(search, lookup)).orElse(List.of());
    FlowStep.Retrieve search = flow.retrieve().orElse(null);
    FlowStep.Generate llm = flow.generate().orElse(null);
    AssistantDraft draft =
        AssistantDraft.EMPTY
            .withFlow(flow)
            .withOpener(flow.begin().opener())
            .withSystemPrompt(instructions(flow))
            .withEmptyResponse("")
            .withKnowledgeRequired(false)
            .withCollections(datasets)
            .withTopN(or(search == null ? null : search.topN(), retrieval.topN()))
            .withSimilarityThreshold(
                or(search == null ? null : search.threshold(), retrieval.similarityThreshold()))
            .withKeywordWeight(
                or(search == null ? null : search.keywordWeight(), retrieval.keywordWeight()))
            .withTemperature(or(llm == null ? null : llm.temperature(), sampling.temperature()))
            .withTopP(or(llm == null ? null : llm.topP(), sampling.topP()))
            .withMaxTokens(or(llm == null ? null : llm.maxTokens(), sampling.maxTokens()))
            .withShowQuote(llm != null && llm.cite());
    // A model the DSL names that this server does not serve falls back to the default one.
    return llm != null && lookup.modelExists(llm.model())
        ? draft.withModel(llm.model())
        : draft.withClearModel(true);
  }

  /** The LLM's system prompt the agent keeps as its own; code 102 when it grows too large. */
  private static String instructions(Flow flow) {
    try {
      return FlowRenderer.instructions(flow, Assistant.KNOWLEDGE);
    } catch (FlowTooLarge e) {
      throw RagflowErrors.data(RagflowAgentTemplates.tooLarge(e));
    }
  }

  private static List<CollectionId> datasets(
      FlowStep.Retrieve search, RagflowChatRequests.Lookup lookup) {
    return search.datasets().stream()
        .map(
            id ->
                lookup
                    .dataset(id)
                    .map(view -> view.collection().id())
                    .orElseThrow(() -> RagflowErrors.data("Dataset(" + id + ") does not exist.")))
        .distinct()
        .toList();
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
