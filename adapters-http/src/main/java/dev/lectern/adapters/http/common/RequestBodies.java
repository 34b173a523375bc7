package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.TooManyRequests;
import dev.lectern.domain.text.TextLimits;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads request bodies under the configured size limits and parses them as JSON. The body of an
 * answer request (a route wrapped by {@link #answering}) is parsed as it is read, never held whole
 * as bytes: its size, the time it takes to arrive and the length of every string in it are checked
 * on the way, against the limits of a caller with a token (once {@link BearerAuth} has accepted
 * one) or of an anonymous one, and the memory it takes is admitted from the answer budget first.
 */
public final class RequestBodies {
  private static final String ANSWERING = "lectern.answering";
  private static final String AUTHENTICATED = "lectern.authenticated";
  private static final String TICKET = "lectern.answer-ticket";

  /** How long the body of an answer request may take to arrive, whatever its size. */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(60);

  /**
   * The limits of answer requests.
   *
   * @param authenticated a caller with a token
   * @param anonymous a caller of a public assistant without one
   */
  public record AnswerLimits(BodyLimit authenticated, BodyLimit anonymous) {}

  private final long maxBytes;
  private final AnswerLimits answers;
  private final AnswerAdmission admission;
  private final ObjectMapper authenticatedMapper;
  private final ObjectMapper anonymousMapper;

  /** Bodies of at most {@code maxBytes}; answer requests no more limited than that. */
  public RequestBodies(long maxBytes) {
    this(
        maxBytes,
        new AnswerLimits(
            new BodyLimit(maxBytes, Integer.MAX_VALUE - 1),
            new BodyLimit(maxBytes, Integer.MAX_VALUE - 1)),
        new AnswerAdmission(
            new AnswerAdmission.Settings(Long.MAX_VALUE, 0, 1, java.time.Duration.ZERO)));
  }

  /**
   * Bodies of at most {@code maxBytes}, answer requests under {@code answers} and admitted by
   * {@code admission}; a body limit past what the budget could ever admit is lowered to it.
   */
  public RequestBodies(long maxBytes, AnswerLimits answers, AnswerAdmission admission) {
    this.maxBytes = maxBytes;
    this.answers =
        new AnswerLimits(
            admissible(answers.authenticated(), admission),
            admissible(answers.anonymous(), admission));
    this.admission = admission;
    this.authenticatedMapper =
        Json.withMaxStringLength(this.answers.authenticated().maxStringChars());
    this.anonymousMapper = Json.withMaxStringLength(this.answers.anonymous().maxStringChars());
  }

  private static BodyLimit admissible(BodyLimit limit, AnswerAdmission admission) {
    long most = Math.max(1, admission.largestBody());
    return limit.maxBytes() <= most
        ? limit
        : new BodyLimit(most, (int) Math.min(limit.maxStringChars(), most));
  }

  /** The answer limits in force: as configured, within what the memory budget can admit. */
  public AnswerLimits answerLimits() {
    return answers;
  }

  /** The largest body accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * An answer route: the request is admitted with its answer's reserve before {@code handler} runs
   * (or refused with 429 when the server has no room for it), its body is read under the answer
   * limits, and everything it held is given back when the handler returns.
   */
  public Handler answering(Handler handler) {
    return ctx -> {
      ctx.attribute(ANSWERING, Boolean.TRUE);
      try {
        handler.handle(ctx);
      } finally {
        AnswerAdmission.Ticket ticket = ctx.attribute(TICKET);
        if (ticket != null) {
          ticket.close();
        }
      }
    };
  }

  /** The request carries a token the server accepted: a body read after this has its limits. */
  static void authenticated(Context ctx) {
    ctx.attribute(AUTHENTICATED, Boolean.TRUE);
  }

  /**
   * The request is answered as an anonymous caller's after all (a token that does not reach what it
   * asks for): a body read after this has the anonymous limits.
   */
  public static void anonymous(Context ctx) {
    ctx.attribute(AUTHENTICATED, null);
  }

  public byte[] bytes(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared >= 0) {
        // The declared length is read at once: no buffer grows by doubling on the way.
        byte[] body = in.readNBytes((int) declared);
        if (in.read() >= 0) {
          throw new InvalidRequest("body: longer than its Content-Length", "body");
        }
        return body;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw tooLarge(maxBytes);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidRequest("body: could not be read", "body");
    }
  }

  /** The body as a JSON object. */
  public JsonFields json(Context ctx) {
    JsonNode tree =
        tree(ctx, problem -> new InvalidRequest("body: malformed JSON: " + problem, "body"));
    if (tree == null) {
      throw new InvalidRequest("body: a JSON object is required", "body");
    }
    return JsonFields.root(tree);
  }

  /**
   * The body as JSON, or null when it is empty or blank; a body that is not JSON is refused with
   * the exception {@code malformed} makes of what is wrong with it.
   */
  public JsonNode tree(Context ctx, Function<String, ? extends RuntimeException> malformed) {
    if (ctx.attribute(ANSWERING) == null) {
      return parse(bytes(ctx), malformed);
    }
    boolean anonymous = ctx.attribute(AUTHENTICATED) == null;
    BodyLimit limit = anonymous ? answers.anonymous() : answers.authenticated();
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit.maxBytes()) {
      throw tooLarge(limit.maxBytes());
    }
    AnswerAdmission.Ticket ticket = admit(ctx, Math.max(0, declared));
    ObjectMapper mapper = anonymous ? anonymousMapper : authenticatedMapper;
    try (InputStream in = new Bounded(ctx, limit.maxBytes(), declared < 0 ? ticket : null);
        JsonParser parser = mapper.createParser(in)) {
      try {
        JsonNode tree = mapper.readTree(parser);
        return tree == null || tree.isMissingNode() ? null : tree;
      } catch (StreamConstraintsException e) {
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("String value")) {
          throw e;
        }
        String field = field(parser.getParsingContext());
        throw new PayloadTooLarge(
            field + ": longer than the limit of " + limit.maxStringChars() + " characters", field);
      }
    } catch (JsonProcessingException e) {
      throw malformed.apply(JsonErrors.describe(e));
    } catch (IOException e) {
      throw new InvalidRequest("body: could not be read", "body");
    }
  }

  private static JsonNode parse(
      byte[] bytes, Function<String, ? extends RuntimeException> malformed) {
    try {
      JsonNode tree = Json.MAPPER.readTree(bytes);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (JsonProcessingException e) {
      throw malformed.apply(JsonErrors.describe(e));
    } catch (IOException e) {
      throw new InvalidRequest("body: could not be read", "body");
    }
  }

  /** Admits the request with a body of {@code bodyBytes} (once: a second body adds to it). */
  private AnswerAdmission.Ticket admit(Context ctx, long bodyBytes) {
    AnswerAdmission.Ticket held = ctx.attribute(TICKET);
    if (held != null) {
      take(ctx, held, admission.costOfBody(bodyBytes));
      return held;
    }
    AnswerAdmission.Ticket ticket = askingToWait(ctx, () -> admission.admit(bodyBytes));
    ctx.attribute(TICKET, ticket);
    return ticket;
  }

  /** Takes {@code bytes} more for the request, or refuses it. */
  private static void take(Context ctx, AnswerAdmission.Ticket ticket, long bytes) {
    askingToWait(
        ctx,
        () -> {
          ticket.take(bytes);
          return ticket;
        });
  }

  /** What {@code admission} gives; a refusal for want of room asks the client to come back. */
  private static AnswerAdmission.Ticket askingToWait(
      Context ctx, Supplier<AnswerAdmission.Ticket> admission) {
    try {
      return admission.get();
    } catch (TooManyRequests busy) {
      ctx.header("Retry-After", "1");
      throw busy;
    }
  }

  /** Where in the body the parser is: {@code messages[2].content}. */
  private static String field(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        parts.push("[" + Math.max(0, at.getCurrentIndex()) + "]");
      } else if (at.getCurrentName() != null) {
        parts.push("." + TextLimits.cut(at.getCurrentName(), 100));
      }
    }
    String path = String.join("", parts);
    return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
  }

  private static PayloadTooLarge tooLarge(long limit) {
    return new PayloadTooLarge(
        "body: the request body is larger than the limit of " + limit + " bytes", "body");
  }

  /**
   * The body as it arrives, refused once it passes its limit or its deadline; a body of no declared
   * length takes its memory from the request's ticket as it is read.
   */
  private final class Bounded extends FilterInputStream {
    private final Context ctx;
    private final long limit;
    private final AnswerAdmission.Ticket ticket;
    private final long deadline = System.nanoTime() + BODY_DEADLINE.toNanos();
    private long read;

    Bounded(Context ctx, long limit, AnswerAdmission.Ticket ticket) throws IOException {
      super(ctx.bodyInputStream());
      this.ctx = ctx;
      this.limit = limit;
      this.ticket = ticket;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      read += n;
      if (read > limit) {
        throw tooLarge(limit);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new InvalidRequest(
            "body: did not arrive within " + BODY_DEADLINE.toSeconds() + " seconds", "body");
      }
      if (ticket != null) {
        take(ctx, ticket, admission.costOfBody(n));
      }
    }
  }
}
