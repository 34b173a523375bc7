package dev.lectern.application.service.answer;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.PassageText;
import dev.lectern.domain.conversation.SystemPrompt;
import java.util.List;

/**
 * How an assistant answers, whether the conversation is stored or the client keeps it: the
 * assistant must be active; its prompt (or the frame's) with its passages, its collections, its
 * sampling with the caller's overrides; the empty-response text answers when its collections held
 * nothing relevant and knowledge is required (an assistant without collections answers with its
 * model alone).
 */
final class AssistantPlans {
  /** Sampling a caller may set for one question; null keeps the assistant's own. */
  record Sampling(Integer maxTokens, Double temperature) {}

  private final AssistantStore assistants;

  AssistantPlans(AssistantStore assistants) {
    this.assistants = assistants;
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

  /** The plan of the assistant's answer to {@code question}, the last of {@code turns}. */
  AnswerPlan plan(
      Assistant assistant,
      List<ModelMessage> turns,
      String question,
      Sampling sampling,
      AnswerFrame frame) {
    ModelChoice choice = assistant.model();
    ModelSettings settings =
        new ModelSettings(
            sampling.temperature() != null ? sampling.temperature() : choice.temperature(),
            choice.topP(),
            sampling.maxTokens() != null ? sampling.maxTokens() : choice.maxTokens(),
            List.of(),
            choice.presencePenalty(),
            choice.frequencyPenalty());
    PassageText prompt =
        frame.systemPrompt() != null
            ? frame.systemPrompt()
            : PassageText.marked(assistant.systemPrompt(), Assistant.KNOWLEDGE);
    return new AnswerPlan(
        assistant.orgId(),
        choice.model(),
        new SystemPrompt(prompt, null, frame.instructions()),
        turns,
        settings,
        List.of(),
        null,
        knowledge(assistant, question, frame),
        framing(assistant, frame),
        true);
  }

  private static AnswerPlan.Knowledge knowledge(
      Assistant assistant, String question, AnswerFrame frame) {
    if (assistant.collections().isEmpty()) {
      return null;
    }
    RetrievalChoice choice = assistant.retrieval();
    return new AnswerPlan.Knowledge(
        assistant.collections(),
        null,
        frame.documents(),
        question,
        choice.topK(),
        choice.similarityThreshold(),
        choice.topN(),
        true);
  }

  private static AnswerPlan.Framing framing(Assistant assistant, AnswerFrame frame) {
    boolean emptyAnswers = assistant.knowledgeRequired() && !assistant.emptyResponse().isEmpty();
    return new AnswerPlan.Framing(
        frame.question(),
        frame.before(),
        frame.after(),
        frame.asksModel(),
        emptyAnswers ? assistant.emptyResponse() : null);
  }
}
