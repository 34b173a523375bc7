package dev.lectern.adapters.http.timeweb;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.DialectRoutes;
import dev.lectern.adapters.http.common.RateLimiter;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/** Mounts the Timeweb dialect: Cloud AI agents under {@code /api/v1/cloud-ai/agents/{agent_id}}. */
public final class TimewebRoutes implements Consumer<RoutesConfig> {
  /** Path prefixes whose errors Timeweb renders; longer than RAGFlow's {@code /api/v1/}. */
  public static final String[] PREFIXES = {"/api/v1/cloud-ai/"};

  private static final String AGENT = "/api/v1/cloud-ai/agents/{agent_id}";

  /** The use cases Timeweb's handlers call. */
  public record UseCases(
      ManageAssistantsUseCase assistants,
      StartConversationUseCase start,
      ManageConversationsUseCase conversations,
      AnswerQuestionUseCase answers,
      AskAssistantUseCase asks) {}

  private final TimewebCallHandlers calls;
  private final TimewebOpenAiHandlers openAi;
  private final RequestBodies bodies;

  /**
   * {@code publicCalls}: what one client address may call and store through public agents without a
   * token.
   */
  public TimewebRoutes(
      UseCases useCases, BearerAuth auth, RequestBodies bodies, RateLimiter publicCalls) {
    this.bodies = bodies;
    TimewebAgents agents = new TimewebAgents(useCases.assistants(), auth, publicCalls);
    this.calls =
        new TimewebCallHandlers(
            new TimewebCallHandlers.UseCases(
                useCases.start(), useCases.conversations(), useCases.answers()),
            agents,
            bodies);
    this.openAi = new TimewebOpenAiHandlers(useCases.asks(), agents, bodies);
  }

  @Override
  public void accept(RoutesConfig config) {
    DialectRoutes routes = new DialectRoutes(config, new TimewebErrorRenderer());
    routes.post(AGENT + "/call", bodies.answering(calls::call));
    routes.get(AGENT + "/call", calls::wrongMethod);
    routes.post(AGENT + "/v1/chat/completions", bodies.answering(openAi::completions));
    routes.get(AGENT + "/v1/models", openAi::models);
  }
}
