package dev.lectern.adapters.http.aiflowy;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.common.WholeAnswer;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AskAssistantCommand;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import io.javalin.http.Context;

/**
 * AIFlowy's bot chat, {@code POST /v1/chat/completions}: the bot's own key picks the bot, which
 * answers the conversation the client sends with its prompt (first), collections, model and history
 * window; the request's {@code max_tokens} and {@code temperature} override the bot's. Nothing is
 * stored.
 */
final class AiflowyChatHandlers {
  /** The use cases these handlers call. */
  record UseCases(AskAssistantUseCase asks) {}

  private final UseCases useCases;
  private final BearerAuth auth;
  private final RequestBodies bodies;

  AiflowyChatHandlers(UseCases useCases, BearerAuth auth, RequestBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void completions(Context ctx) {
    Caller caller = auth.assistantKey(ctx);
    AiflowyRequest request = AiflowyRequest.read(bodies.json(ctx));
    String org = caller.org().id();
    String bot = caller.token().assistantId();
    AnswerFrame frame = AnswerFrame.MODEL.withInstructions(String.join("\n\n", request.system()));
    AskAssistantCommand command =
        new AskAssistantCommand(
            org, bot, request.messages(), request.maxTokens(), request.temperature(), frame);
    if (!request.stream()) {
      WholeAnswer whole = WholeAnswer.of(stream -> useCases.asks().ask(command, stream));
      Json.respond(ctx, 200, AiflowyWire.whole(whole.answer()));
      return;
    }
    useCases.asks().ask(command, new AiflowyStream(ctx));
  }
}
