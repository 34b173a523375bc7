package dev.lectern.adapters.http.timeweb;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.RateLimiter;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.TooManyRequests;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.text.TextLimits;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which agent a Timeweb call reaches, and whether it may: a public agent takes anyone on its native
 * path (rate-limited per client address), any other call needs a token of the agent's organization
 * or one of the agent's own keys.
 */
final class TimewebAgents {
  private final ManageAssistantsUseCase assistants;
  private final BearerAuth auth;
  private final RateLimiter publicCalls;

  TimewebAgents(ManageAssistantsUseCase assistants, BearerAuth auth, RateLimiter publicCalls) {
    this.assistants = assistants;
    this.auth = auth;
    this.publicCalls = publicCalls;
  }

  /** The agent of a native call: a public one as it is, else by the caller's token. */
  Assistant forCall(Context ctx) {
    String id = agentId(ctx);
    Optional<Assistant> open = assistants.findPublic(id);
    if (open.isPresent()) {
      if (ctx.header("Authorization") != null) {
        // A caller with a good token for this agent is not one of the anonymous many.
        try {
          return withToken(ctx);
        } catch (LecternException anonymousAfterAll) {
          // A public agent ignores a token that does not reach it.
        }
      }
      Optional<Duration> wait = publicCalls.acquire(client(ctx.ip()));
      if (wait.isPresent()) {
        ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
        throw new TooManyRequests("too many requests to public agents from this address");
      }
      return open.get();
    }
    return withToken(ctx);
  }

  /** The agent by the caller's token, whatever its access (the OpenAI-compatible paths). */
  Assistant withToken(Context ctx) {
    String id = agentId(ctx);
    Caller caller = auth.assistantOrOrg(ctx);
    String keyOf = caller.token().assistantId();
    if (keyOf != null && !keyOf.equals(id)) {
      throw NotFound.of("agent '" + TextLimits.cut(id, 100) + "' not found", "agent_id", id);
    }
    try {
      return assistants.find(caller.org().id(), id);
    } catch (NotFound none) {
      throw NotFound.of("agent '" + TextLimits.cut(id, 100) + "' not found", "agent_id", id);
    }
  }

  /** The path's agent id; the UUID form of an id is read as the id. */
  private static String agentId(Context ctx) {
    return TimewebIds.internal(ctx.pathParam("agent_id"));
  }

  /** Whom the public limit counts: an IPv4 address, or an IPv6 address's /64 network. */
  static String client(String address) {
    if (address == null || !address.contains(":")) {
      return String.valueOf(address);
    }
    try {
      // A connection's address is a literal, so no name is looked up.
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length));
    } catch (UnknownHostException notAnAddress) {
      return address;
    }
  }
}
