package dev.lectern.application.service.answer;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.application.port.out.ModelSettings;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.KnowledgeText;
import dev.lectern.domain.conversation.Reference;
import java.util.ArrayList;
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

  /**
   * The passages for a question, as many as fit the model's window beside it; none when the frame
   * needs none.
   */
  List<Reference> passages(
      Assistant assistant, String question, Sampling sampling, AnswerFrame frame) {
    if (!frame.needsPassages()) {
      return List.of();
    }
    String asked = frame.question() == null ? question : frame.question().with("");
    return AssistantKnowledge.fitting(
        knowledge.retrieve(assistant, question, frame.documents()),
        budget.roomForPassages(
            request(assistant, sampling, List.of(ModelMessage.user(asked)), "", frame),
            AssistantKnowledge.KNOWLEDGE_TOKENS));
  }

  /**
   * The reply as {@code frame} puts it together: the model's between the frame's texts, or the
   * frame's fixed text. The text before the model's reply is written with its first piece, so a
   * model that fails before it writes anything leaves nothing written.
   */
  ModelReply reply(
      Assistant assistant,
      List<ModelMessage> history,
      List<Reference> found,
      Sampling sampling,
      SinkDeltas deltas,
      AnswerFrame frame) {
    String passages = KnowledgeText.format(found);
    if (!frame.asksModel()) {
      return fixed(frame.before().with(passages), deltas);
    }
    List<ModelMessage> asked = history;
    if (frame.question() != null) {
      asked = new ArrayList<>(history);
      asked.set(asked.size() - 1, ModelMessage.user(frame.question().with(passages)));
    }
    String before = frame.before().with(passages);
    String after = frame.after().with(passages);
    if (before.isEmpty() && after.isEmpty()) {
      return modelReply(assistant, asked, found, passages, sampling, deltas, frame);
    }
    Prefixed prefixed = new Prefixed(deltas, before);
    ModelReply reply = modelReply(assistant, asked, found, passages, sampling, prefixed, frame);
    prefixed.start();
    if (!after.isEmpty() && reply.finishReason() != FinishReason.CANCELLED) {
      deltas.text(after);
    }
    return new ModelReply(deltas.written(), reply.toolCalls(), reply.finishReason(), reply.usage());
  }

  /** A model's deltas after a text of the frame's, which goes out with the first of them. */
  private static final class Prefixed implements ModelDeltas {
    private final SinkDeltas deltas;
    private final String prefix;
    private boolean started;

    Prefixed(SinkDeltas deltas, String prefix) {
      this.deltas = deltas;
      this.prefix = prefix;
    }

    void start() {
      if (!started) {
        started = true;
        if (!prefix.isEmpty()) {
          deltas.text(prefix);
        }
      }
    }

    @Override
    public void text(String delta) {
      start();
      deltas.text(delta);
    }

    @Override
    public boolean cancelled() {
      return deltas.cancelled();
    }
  }

  private static ModelReply fixed(String text, ModelDeltas deltas) {
    if (!text.isEmpty()) {
      deltas.text(text);
    }
    return new ModelReply(text, List.of(), FinishReason.STOP, new ModelReply.TokenUsage(0, 0));
  }

  private ModelReply modelReply(
      Assistant assistant,
      List<ModelMessage> history,
      List<Reference> found,
      String passages,
      Sampling sampling,
      ModelDeltas deltas,
      AnswerFrame frame) {
    boolean searched = !assistant.collections().isEmpty();
    if (found.isEmpty()
        && searched
        && assistant.knowledgeRequired()
        && !assistant.emptyResponse().isEmpty()) {
      return fixed(assistant.emptyResponse(), deltas);
    }
    ModelRequest request =
        request(assistant, sampling, history, passages, frame)
            .withGrounding(AssistantKnowledge.grounding(found));
    return model.stream(budget.fit(request), deltas);
  }

  /** The instructions: the frame's or the assistant's, then the client's own. */
  private static String system(Assistant assistant, String passages, AnswerFrame frame) {
    String prompt =
        frame.systemPrompt() == null
            ? assistant.systemPromptWith(passages)
            : frame.systemPrompt().with(passages);
    if (frame.instructions().isEmpty()) {
      return prompt;
    }
    return prompt.isEmpty() ? frame.instructions() : prompt + "\n\n" + frame.instructions();
  }

  /** What the assistant's model is asked: its prompt with these passages, its sampling. */
  private static ModelRequest request(
      Assistant assistant,
      Sampling sampling,
      List<ModelMessage> history,
      String passages,
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
    return new ModelRequest(
        choice.model(),
        system(assistant, passages, frame),
        history,
        settings,
        List.of(),
        null,
        List.of());
  }
}
