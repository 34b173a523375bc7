package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.CheckReplyUseCase;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;

/** Service: every check composing a reply makes, with no model asked. */
public final class CheckReplyService implements CheckReplyUseCase {
  private final AnswerPipeline pipeline;

  public CheckReplyService(AnswerPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public void check(ComposeReplyCommand command) {
    pipeline.check(ReplyPlans.plan(command));
  }
}
