package dev.lectern.application.service.answer;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.application.port.out.ModelSettings;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.KnowledgeText;
import dev.lectern.domain.conversation.Reference;
import java.util.List;

/**
 * How an assistant replies, whether the conversation is stored or the client keeps it: the
 * assistant must be active; passages are retrieved for the question and fitted to the model's
 * window; the model is asked with the assistant's prompt and sampling, or the empty-response text
 * answers when the assistant's collections held nothing relevant and knowledge is required (an
 * assistant without collections answers with its model alone).
 */
final class AssistantReplies {
  /** Sampling a caller may set for one question; null keeps the assistant's own. */
  record Sampling(Integer maxTokens, Double temperature) {}

  private final AssistantStore assistants;
  private final AssistantKnowledge knowledge;
  private final LanguageModel model;
  private final PromptBudget budget;

  AssistantReplies(
      AssistantStore assistants,
      AssistantKnowledge knowledge,
      LanguageModel model,
      ModelCatalog catalog) {
    this.assistants = assistants;
    this.knowledge = knowledge;
    this.model = model;
    this.budget = new PromptBudget(model, catalog);
  }

  /** The assistant, which must exist and answer. */
  Assistant active(String orgId, String assistantId) {
    Assistant assistant =
        assistants
            .find(orgId, assistantId)
            .orElseThrow(
                () ->
                    NotFound.of(
                        "assistant '" + assistantId + "' not found", "assistant", assistantId));
    if (!assistant.answers()) {
      throw new Forbidden("the assistant is suspended", "assistant");
    }
    return assistant;
  }

  /** The passages for a question, as many as fit the model's window beside it. */
  List<Reference> passages(
      Assistant assistant, String question, Sampling sampling, MetadataFilter documents) {
    return AssistantKnowledge.fitting(
        knowledge.retrieve(assistant, question, documents),
        budget.roomForPassages(
            request(assistant, sampling, List.of(ModelMessage.user(question)), "", null),
            AssistantKnowledge.KNOWLEDGE_TOKENS));
  }

  /**
   * The reply to the last message of {@code history}, its text going to the sink through {@code
   * deltas}.
   */
  ModelReply reply(
      Assistant assistant,
      List<ModelMessage> history,
      List<Reference> found,
      Sampling sampling,
      SinkDeltas deltas) {
    return reply(assistant, history, found, sampling, deltas, AnswerFrame.MODEL);
  }

  /** The reply as {@code frame} puts it together: the model's between its texts, or a fixed one. */
  ModelReply reply(
      Assistant assistant,
      List<ModelMessage> history,
      List<Reference> found,
      Sampling sampling,
      SinkDeltas deltas,
      AnswerFrame frame) {
    if (!frame.asksModel()) {
      String text = frame.before().replace(Assistant.KNOWLEDGE, KnowledgeText.format(found));
      return fixed(text, deltas);
    }
    if (!frame.before().isEmpty()) {
      deltas.text(frame.before());
    }
    ModelReply reply =
        modelReply(assistant, history, found, sampling, deltas, frame.systemPrompt());
    if (frame.before().isEmpty() && frame.after().isEmpty()) {
      return reply;
    }
    if (!frame.after().isEmpty() && reply.finishReason() != FinishReason.CANCELLED) {
      deltas.text(frame.after());
    }
    return new ModelReply(deltas.written(), reply.toolCalls(), reply.finishReason(), reply.usage());
  }

  private static ModelReply fixed(String text, SinkDeltas deltas) {
    if (!text.isEmpty()) {
      deltas.text(text);
    }
    return new ModelReply(text, List.of(), FinishReason.STOP, new ModelReply.TokenUsage(0, 0));
  }

  private ModelReply modelReply(
      Assistant assistant,
      List<ModelMessage> history,
      List<Reference> found,
      Sampling sampling,
      SinkDeltas deltas,
      String systemPrompt) {
    boolean searched = !assistant.collections().isEmpty();
    if (found.isEmpty()
        && searched
        && assistant.knowledgeRequired()
        && !assistant.emptyResponse().isEmpty()) {
      return fixed(assistant.emptyResponse(), deltas);
    }
    ModelRequest request =
        request(assistant, sampling, history, KnowledgeText.format(found), systemPrompt)
            .withGrounding(AssistantKnowledge.grounding(found));
    return model.stream(budget.fit(request), deltas);
  }

  /** What the assistant's model is asked: its prompt with these passages, its sampling. */
  private static ModelRequest request(
      Assistant assistant,
      Sampling sampling,
      List<ModelMessage> history,
      String passages,
      String systemPrompt) {
    ModelChoice choice = assistant.model();
    ModelSettings settings =
        new ModelSettings(
            sampling.temperature() != null ? sampling.temperature() : choice.temperature(),
            choice.topP(),
            sampling.maxTokens() != null ? sampling.maxTokens() : choice.maxTokens(),
            List.of(),
            choice.presencePenalty(),
            choice.frequencyPenalty());
    return new ModelRequest(
        choice.model(),
        systemPrompt == null
            ? assistant.systemPromptWith(passages)
            : systemPrompt.replace(Assistant.KNOWLEDGE, passages),
        history,
        settings,
        List.of(),
        null,
        List.of());
  }
}
