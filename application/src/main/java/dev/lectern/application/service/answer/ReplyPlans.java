package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.KnowledgeScope;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.PassageText;
import dev.lectern.domain.conversation.SystemPrompt;
import java.util.List;

/**
 * Policy: the plan of a reply to a conversation the client keeps. With a knowledge scope, the last
 * user message is the retrieval question and the passages follow the client's system prompt,
 * numbered for citation; nothing is stored, and a prompt too long for the model is refused (the
 * client chose it).
 */
final class ReplyPlans {
  static final String PASSAGES_INTRO =
      "Answer from these passages of the documents and cite a passage as [n] where you use it.";

  private ReplyPlans() {}

  static AnswerPlan plan(ComposeReplyCommand command) {
    KnowledgeScope scope = command.knowledge();
    AnswerPlan.Knowledge knowledge =
        scope == null
            ? null
            : new AnswerPlan.Knowledge(
                List.of(scope.collectionId()),
                scope.artifactIds(),
                scope.filter(),
                ModelMessage.lastQuestion(command.messages()),
                scope.topK(),
                0.0,
                scope.topK(),
                false);
    String system = command.system();
    return new AnswerPlan(
        command.orgId(),
        command.model(),
        new SystemPrompt(system == null ? null : PassageText.of(system), PASSAGES_INTRO, ""),
        command.messages(),
        command.settings(),
        command.tools(),
        command.toolChoice(),
        knowledge,
        null,
        false);
  }
}
