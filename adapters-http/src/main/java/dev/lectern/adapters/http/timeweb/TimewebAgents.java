package dev.lectern.adapters.http.timeweb;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.PerKeySlots;
import dev.lectern.adapters.http.common.RateLimiter;
import dev.lectern.adapters.http.common.RequestBodies;
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

  /** Calls one anonymous address may have in flight at once. */
  static final int CALLS_IN_FLIGHT = 4;

  private final RateLimiter publicCalls;
  private final PerKeySlots inFlight = new PerKeySlots(CALLS_IN_FLIGHT);

  TimewebAgents(ManageAssistantsUseCase assistants, BearerAuth auth, RateLimiter publicCalls) {
    this.assistants = assistants;
    this.auth = auth;
    this.publicCalls = publicCalls;
  }

  /**
   * The agent a native call reaches, and whom it is from: {@code client} is the address an
   * anonymous caller is counted by, null for a caller with a token.
   */
  record Call(Assistant agent, String client) {
    boolean anonymous() {
      return client != null;
    }
  }

  /** The agent of a native call: a public one as it is, else by the caller's token. */
  Call forCall(Context ctx) {
    String id = agentId(ctx);
    if (!TimewebIds.wellFormed(id)) {
      // No agent has such an id, whoever asks: not found rather than a demand for a token.
      throw notFound(id);
    }
    Optional<Assistant> open = assistants.findPublic(id);
    if (open.isPresent()) {
      if (ctx.header("Authorization") != null) {
        // A caller with a good token for this agent is not one of the anonymous many.
        try {
          return new Call(withToken(ctx), null);
        } catch (LecternException anonymousAfterAll) {
          // A public agent ignores a token that does not reach it: the caller is anonymous.
          RequestBodies.anonymous(ctx);
        }
      }
      String client = client(ctx.ip());
      Optional<Duration> wait = publicCalls.acquire(client);
      if (wait.isPresent()) {
        ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
        throw new TooManyRequests("too many requests to public agents from this address");
      }
      if (!inFlight.tryAcquire(client)) {
        ctx.header("Retry-After", "1");
        throw new TooManyRequests(
            "too many calls to public agents at once from this address (at most "
                + CALLS_IN_FLIGHT
                + ")");
      }
      return new Call(open.get(), client);
    }
    return new Call(withToken(ctx), null);
  }

  /** The call has ended: an anonymous caller's slot goes back. */
  void ended(Call call) {
    if (call.anonymous()) {
      inFlight.release(call.client());
    }
  }

  /** What an anonymous call stored counts against its address's share of the window. */
  void stored(Call call, long bytes) {
    if (call.anonymous()) {
      publicCalls.charge(call.client(), bytes);
    }
  }

  /** The agent by the caller's token, whatever its access (the OpenAI-compatible paths). */
  Assistant withToken(Context ctx) {
    String id = agentId(ctx);
    Caller caller = auth.assistantOrOrg(ctx);
    String keyOf = caller.token().assistantId();
    if (keyOf != null && !keyOf.equals(id)) {
      throw notFound(id);
    }
    try {
      return assistants.find(caller.org().id(), id);
    } catch (NotFound none) {
      throw notFound(id);
    }
  }

  private static NotFound notFound(String id) {
    return NotFound.of("agent '" + TextLimits.cut(id, 100) + "' not found", "agent_id", id);
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
