package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.flow.Flow;
import dev.lectern.domain.flow.FlowRenderer;
import dev.lectern.domain.flow.FlowTooLarge;
import dev.lectern.domain.flow.FlowValues;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sets an agent's run up: the agent, the session the question goes to (a new one when none is
 * named), and the question as the agent's DSL frames it.
 */
final class RagflowAgentRuns {
  /** A question ready to be answered in a session of an agent. */
  record Run(Assistant agent, Flow flow, AnswerQuestionCommand command) {
    String sessionId() {
      return command.conversationId();
    }
  }

  /** What the caller asks: the question, an existing session or null, who asks, Begin inputs. */
  record Ask(String question, String sessionId, String userId, JsonNode inputs) {}

  private final ManageAssistantsUseCase assistants;
  private final StartConversationUseCase start;
  private final ManageConversationsUseCase conversations;
  private final FlowRenderer renderer =
      new FlowRenderer(() -> ThreadLocalRandom.current().nextLong());

  RagflowAgentRuns(
      ManageAssistantsUseCase assistants,
      StartConversationUseCase start,
      ManageConversationsUseCase conversations) {
    this.assistants = assistants;
    this.start = start;
    this.conversations = conversations;
  }

  /** The org's agent, or RAGFlow's code 102 with {@code missing}. */
  Assistant agent(String org, String id, String missing) {
    return RagflowLookups.agent(assistants, org, id).orElseThrow(() -> RagflowErrors.data(missing));
  }

  /** Checks the session before anything is stored; a new session is opened last. */
  Run prepare(String org, Assistant agent, Ask ask) {
    if (ask.question() == null || ask.question().isBlank()) {
      throw RagflowErrors.data("`question` is required.");
    }
    Flow flow = RagflowAgentRequests.flow(agent);
    String sessionId = ask.sessionId();
    String user = ask.userId();
    int turns = 1;
    if (sessionId != null) {
      Conversation session =
          RagflowLookups.session(conversations, org, agent.id(), sessionId)
              .orElseThrow(() -> RagflowErrors.data("Session not found!"));
      turns += conversations.questions(org, agent.id(), sessionId);
      user = user == null || user.isEmpty() ? session.userId() : user;
    } else {
      sessionId =
          start
              .start(
                  new StartConversationCommand(
                      org,
                      agent.id(),
                      RagflowSessionHandlers.DEFAULT_NAME,
                      user == null || user.isEmpty() ? org : user))
              .conversation()
              .id();
    }
    FlowValues values =
        new FlowValues(ask.question(), user, turns, RagflowAgentDsl.valuesOf(ask.inputs()));
    AnswerQuestionCommand command =
        new AnswerQuestionCommand(
            org, agent.id(), sessionId, null, ask.question(), null, null, frame(flow, values));
    return new Run(agent, flow, command);
  }

  private AnswerFrame frame(Flow flow, FlowValues values) {
    try {
      return AnswerFrame.of(renderer.render(flow, values));
    } catch (FlowTooLarge e) {
      throw RagflowErrors.data(RagflowAgentTemplates.tooLarge(e));
    }
  }
}
