package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.in.answer.AskAssistantCommand;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.History;
import dev.lectern.domain.conversation.ModelMessage;
import java.util.List;

/**
 * Service: an assistant answers a conversation the client sends whole (a dialect leaves the
 * client's system messages out: the assistant's prompt rules). The model sees it as {@link History}
 * has it: from the first user turn, within the assistant's history window. Nothing is stored.
 */
public final class AskAssistantService implements AskAssistantUseCase {
  private final AssistantPlans plans;
  private final AnswerPipeline pipeline;

  public AskAssistantService(AssistantStore assistants, AnswerPipeline pipeline) {
    this.plans = new AssistantPlans(assistants);
    this.pipeline = pipeline;
  }

  @Override
  public void ask(AskAssistantCommand command, AnswerStream stream) {
    AnswerPipeline.delivering(stream, () -> answer(command, stream));
  }

  private void answer(AskAssistantCommand command, AnswerStream stream) {
    Assistant assistant = plans.active(command.orgId(), command.assistantId());
    List<ModelMessage> turns =
        History.shown(command.messages(), ModelMessage::role, assistant.historyWindow());
    AnswerPlan plan =
        plans.plan(
            assistant,
            turns,
            command.question(),
            new AssistantPlans.Sampling(command.maxTokens(), command.temperature()),
            command.frame());
    pipeline.answerUnstored(plan, stream);
  }
}
