package dev.lectern.adapters.http.aiflowy;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.DialectRoutes;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/** Mounts the AIFlowy dialect: its bots' OpenAI-like chat at {@code /v1/chat/completions}. */
public final class AiflowyRoutes implements Consumer<RoutesConfig> {
  /** Path prefixes whose errors AIFlowy renders. */
  public static final String[] PREFIXES = {"/v1/"};

  private final AiflowyChatHandlers chat;
  private final RequestBodies bodies;

  public AiflowyRoutes(AskAssistantUseCase asks, BearerAuth auth, RequestBodies bodies) {
    this.bodies = bodies;
    this.chat = new AiflowyChatHandlers(new AiflowyChatHandlers.UseCases(asks), auth, bodies);
  }

  @Override
  public void accept(RoutesConfig config) {
    DialectRoutes routes = new DialectRoutes(config, new AiflowyErrorRenderer());
    routes.post("/v1/chat/completions", bodies.answering(chat::completions));
  }
}
