package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AnswerSink;
import dev.lectern.application.port.in.answer.AskAssistantCommand;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Service: an assistant answers a conversation the client sends whole (a dialect leaves the
 * client's system messages out: the assistant's prompt rules). What precedes the first user message
 * (an opener) is left out too, and earlier turns beyond the assistant's history window.
 */
public final class AskAssistantService implements AskAssistantUseCase {
  private final AssistantReplies replies;

  public AskAssistantService(
      AssistantStore assistants,
      AssistantKnowledge knowledge,
      LanguageModel model,
      ModelCatalog catalog) {
    this.replies = new AssistantReplies(assistants, knowledge, model, catalog);
  }

  @Override
  public Answer ask(AskAssistantCommand command, AnswerSink sink) {
    Assistant assistant = replies.active(command.orgId(), command.assistantId());
    List<ModelMessage> history = history(command.messages(), assistant.historyWindow());
    AssistantReplies.Sampling sampling =
        new AssistantReplies.Sampling(command.maxTokens(), command.temperature());
    AnswerFrame frame = command.frame();
    List<Reference> found = replies.passages(assistant, command.question(), sampling, frame);
    sink.onStart(null, null);
    ModelReply reply =
        replies.reply(assistant, history, found, sampling, new SinkDeltas(sink), frame);
    Answer answer =
        new Answer(
            null,
            null,
            null,
            reply.text(),
            found,
            reply.finishReason(),
            reply.usage().input(),
            reply.usage().output());
    sink.onComplete(answer);
    return answer;
  }

  /** The messages the model sees: none before the first user's, and no more than the window. */
  static List<ModelMessage> history(List<ModelMessage> messages, int window) {
    List<ModelMessage> kept = new ArrayList<>();
    for (ModelMessage message : messages) {
      if (kept.isEmpty() && message.role() != Role.USER) {
        continue;
      }
      kept.add(message);
    }
    int earlier = kept.size() - 1;
    return earlier > window ? List.copyOf(kept.subList(earlier - window, kept.size())) : kept;
  }
}
