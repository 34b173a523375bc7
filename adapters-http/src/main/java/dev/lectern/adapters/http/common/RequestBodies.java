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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * Reads request bodies under the configured size limits and parses them as JSON. The body of an
 * answer request (a route wrapped by {@link #answering}) is parsed as it is read, never held whole
 * as bytes: its size and the length of every string in it are checked on the way, against the
 * limits of an authenticated or an {@link #anonymous} caller, and the memory it takes is admitted
 * from the answer budget first.
 */
public final class RequestBodies {
  private static final String LIMIT = "lectern.body-limit";
  private static final String TICKET = "lectern.answer-ticket";

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

  public RequestBodies(long maxBytes, AnswerLimits answers, AnswerAdmission admission) {
    this.maxBytes = maxBytes;
    this.answers = answers;
    this.admission = admission;
    this.authenticatedMapper = Json.withMaxStringLength(answers.authenticated().maxStringChars());
    this.anonymousMapper = Json.withMaxStringLength(answers.anonymous().maxStringChars());
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
      AnswerAdmission.Ticket ticket = take(ctx, null, 0);
      ctx.attribute(TICKET, ticket);
      ctx.attribute(LIMIT, answers.authenticated());
      try {
        handler.handle(ctx);
      } finally {
        ticket.close();
      }
    };
  }

  /** The caller of this answer request has no token: the anonymous limits apply to its body. */
  public void anonymous(Context ctx) {
    if (ctx.attribute(TICKET) != null) {
      ctx.attribute(LIMIT, answers.anonymous());
    }
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
    BodyLimit limit = ctx.attribute(LIMIT);
    if (limit == null) {
      return parse(Json.MAPPER, bytes(ctx), malformed);
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit.maxBytes()) {
      throw tooLarge(limit.maxBytes());
    }
    AnswerAdmission.Ticket ticket = ctx.attribute(TICKET);
    if (declared > 0) {
      take(ctx, ticket, admission.costOfBody(declared));
    }
    ObjectMapper mapper = limit == answers.anonymous() ? anonymousMapper : authenticatedMapper;
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
      ObjectMapper mapper, byte[] bytes, Function<String, ? extends RuntimeException> malformed) {
    try {
      JsonNode tree = mapper.readTree(bytes);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (JsonProcessingException e) {
      throw malformed.apply(JsonErrors.describe(e));
    } catch (IOException e) {
      throw new InvalidRequest("body: could not be read", "body");
    }
  }

  /** Takes {@code bytes} for the request (a new ticket when there is none), or refuses it. */
  private AnswerAdmission.Ticket take(Context ctx, AnswerAdmission.Ticket ticket, long bytes) {
    try {
      if (ticket == null) {
        return admission.admit();
      }
      ticket.take(bytes);
      return ticket;
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
   * The body as it arrives, refused once it passes its limit; a body of no declared length takes
   * its memory from the request's ticket as it is read.
   */
  private final class Bounded extends FilterInputStream {
    private final Context ctx;
    private final long limit;
    private final AnswerAdmission.Ticket ticket;
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
      if (ticket != null) {
        take(ctx, ticket, admission.costOfBody(n));
      }
    }
  }
}
