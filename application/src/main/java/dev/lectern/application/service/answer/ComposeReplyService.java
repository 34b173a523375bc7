package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;

/** Service: a reply to a conversation the client keeps, as {@link ReplyPlans} plans it. */
public final class ComposeReplyService implements ComposeReplyUseCase {
  private final AnswerPipeline pipeline;

  public ComposeReplyService(AnswerPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public void compose(ComposeReplyCommand command, AnswerStream stream) {
    AnswerPipeline.delivering(
        stream, () -> pipeline.answerUnstored(ReplyPlans.plan(command), stream));
  }
}
