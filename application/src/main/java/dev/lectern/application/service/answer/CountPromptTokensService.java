package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.CountPromptTokensUseCase;

/** Service: the tokens of a reply's prompt as {@link ReplyPlans} plans it, before any passages. */
public final class CountPromptTokensService implements CountPromptTokensUseCase {
  private final AnswerPipeline pipeline;

  public CountPromptTokensService(AnswerPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public int count(ComposeReplyCommand command) {
    return pipeline.inputTokens(ReplyPlans.plan(command));
  }
}
