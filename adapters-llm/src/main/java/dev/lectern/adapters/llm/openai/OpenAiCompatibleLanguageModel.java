package dev.lectern.adapters.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.llm.TokenCounts;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter: any server that speaks OpenAI's {@code /v1/chat/completions} (OpenAI, Ollama, vLLM,
 * llama.cpp's server, …), whole or streamed. A busy (429) or failing (5xx) server, or one that
 * cannot be reached, is tried again with a growing wait, but only before it has answered at all;
 * while streaming, a client that went away cancels the upstream request.
 */
public final class OpenAiCompatibleLanguageModel implements LanguageModel {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleLanguageModel.class);

  /** How often a silent stream checks whether its client is still there. */
  private static final long CHECK_MILLIS = 200;

  private static final int MAX_ERROR_CHARS = 16 * 1024;
  private static final long MAX_RETRY_AFTER_SECONDS = 30;

  /** Kept-alive connections are not used past this age (servers close idle ones after a while). */
  private static final Duration MAX_CONNECTION_AGE = Duration.ofSeconds(20);

  private static final int MAX_IDLE_CONNECTIONS = 32;

  private final OpenAiSettings settings;
  private final ConcurrentLinkedQueue<UpstreamConnection> idleConnections =
      new ConcurrentLinkedQueue<>();

  public OpenAiCompatibleLanguageModel(OpenAiSettings settings) {
    this.settings = settings;
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    return call(request, null);
  }

  @Override
  public ModelReply stream(ModelRequest request, ModelDeltas deltas) {
    return call(request, deltas);
  }

  private ModelReply call(ModelRequest request, ModelDeltas deltas) {
    String model = request.model() == null ? settings.model() : request.model();
    byte[] body = ChatCompletionsJson.request(request, model, deltas != null);
    long start = System.nanoTime();
    Duration wait = settings.backoff();
    for (int attempt = 1; ; attempt++) {
      Exchange exchange = null;
      try {
        exchange = send(body);
        if (!exchange.awaitHeaders(start, deltas)) {
          return new ModelReply("", null, FinishReason.CANCELLED, usage(request));
        }
        int status = exchange.connection.status();
        if (status == 200) {
          ModelReply reply;
          if (deltas == null || !eventStream(exchange)) {
            // A server that ignores "stream" answers whole; its text is then one piece.
            reply = whole(exchange, request, start);
            if (deltas != null && !reply.text().isEmpty()) {
              deltas.text(reply.text());
            }
          } else {
            reply =
                new StreamReader(
                        exchange,
                        request,
                        deltas,
                        start,
                        new AnswerCap(request, settings.maxAnswerChars()))
                    .read();
          }
          exchange.release();
          return reply;
        }
        String error = exchange.readAll(start, MAX_ERROR_CHARS);
        LOG.warn("language model answered HTTP {}: {}", status, oneLine(error));
        LecternException failure = UpstreamErrors.forStatus(status, error);
        if (!failure.retriable() || attempt >= settings.attempts()) {
          throw failure;
        }
        wait = pause(wait, retryAfter(exchange), start);
      } catch (Unreachable e) {
        LOG.warn("language model server cannot be reached: {}", e.getCause().toString());
        if (attempt >= settings.attempts()) {
          throw UpstreamErrors.unreachable();
        }
        wait = pause(wait, null, start);
      } finally {
        if (exchange != null) {
          exchange.cancel();
        }
      }
    }
  }

  private static boolean eventStream(Exchange exchange) {
    String type = exchange.connection.header("content-type");
    return !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private ModelReply whole(Exchange exchange, ModelRequest request, long start) {
    String text = exchange.readAll(start, settings.maxLineBytes());
    try {
      JsonNode answer = ChatCompletionsJson.MAPPER.readTree(text);
      if (answer == null || !answer.path("choices").isArray()) {
        throw UpstreamErrors.broken("had no choices");
      }
      ReplyBuilder reply = new ReplyBuilder();
      AnswerCap cap = new AnswerCap(request, settings.maxAnswerChars());
      cap.admit(reply, reply.add(answer));
      return reply.build(request, cap.reached() ? FinishReason.LENGTH : null);
    } catch (IOException e) {
      throw UpstreamErrors.broken("was not JSON");
    }
  }

  private static ModelReply.TokenUsage usage(ModelRequest request) {
    return new ModelReply.TokenUsage(TokenCounts.of(request), 0);
  }

  /** Waits before the next try, at least the server's {@code Retry-After} when it gives one. */
  private Duration pause(Duration wait, Long retryAfterSeconds, long start) {
    Duration pause = wait;
    if (retryAfterSeconds != null) {
      pause = Duration.ofSeconds(Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
    }
    long left = settings.firstTokenTimeout().toNanos() - (System.nanoTime() - start);
    if (pause.toNanos() >= left) {
      throw UpstreamErrors.firstTokenTimeout(settings.firstTokenTimeout().toSeconds());
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UpstreamErrors.broken("was interrupted");
    }
    return wait.multipliedBy(2);
  }

  private static Long retryAfter(Exchange exchange) {
    try {
      String value = exchange.connection.header("retry-after");
      return value.isEmpty() ? null : Long.parseLong(value);
    } catch (NumberFormatException dateOrJunk) {
      return null;
    }
  }

  /** The request on a kept-alive connection when one is idle, else on a new one. */
  private Exchange send(byte[] body) {
    UpstreamConnection idle;
    while ((idle = idleConnections.poll()) != null) {
      if (idle.age().compareTo(MAX_CONNECTION_AGE) < 0) {
        try {
          if (!idle.quiet()) {
            throw new IOException("the server wrote to an idle connection");
          }
          idle.post(settings.chatCompletions(), headers(), body);
          return new Exchange(idle, true, body);
        } catch (IOException closedMeanwhile) {
          idle.close();
        }
      } else {
        idle.close();
      }
    }
    return fresh(body);
  }

  private Exchange fresh(byte[] body) {
    UpstreamConnection connection;
    try {
      connection =
          UpstreamConnection.open(
              settings.chatCompletions(),
              settings.connectTimeout(),
              Duration.ofMillis(CHECK_MILLIS),
              settings.maxLineBytes());
    } catch (IOException e) {
      throw new Unreachable(e);
    }
    try {
      connection.post(settings.chatCompletions(), headers(), body);
      return new Exchange(connection, false, body);
    } catch (IOException e) {
      connection.close();
      throw new Unreachable(e);
    }
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("User-Agent", "Lectern");
    if (settings.apiKey() != null && !settings.apiKey().isEmpty()) {
      headers.put("Authorization", "Bearer " + settings.apiKey());
    }
    return headers;
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 500 ? line.substring(0, 500) + "…" : line;
  }

  /** The server could not be reached or dropped the connection before answering. */
  private static final class Unreachable extends RuntimeException {
    Unreachable(Throwable cause) {
      super(cause);
    }
  }

  /** One request in flight: its connection, its body as lines, and how to stop it. */
  final class Exchange {
    private UpstreamConnection connection;
    private boolean pooled;
    private final byte[] body;

    Exchange(UpstreamConnection connection, boolean pooled, byte[] body) {
      this.connection = connection;
      this.pooled = pooled;
      this.body = body;
    }

    /**
     * Waits for the status and headers; false when the client went away first. A kept-alive
     * connection the server had closed meanwhile is replaced once, the request sent again.
     */
    boolean awaitHeaders(long start, ModelDeltas deltas) {
      long firstToken = settings.firstTokenTimeout().toNanos();
      while (true) {
        if (System.nanoTime() - start >= firstToken) {
          throw UpstreamErrors.firstTokenTimeout(settings.firstTokenTimeout().toSeconds());
        }
        try {
          if (connection.readHead()) {
            return true;
          }
          if (deltas != null && deltas.cancelled()) {
            return false;
          }
        } catch (IOException e) {
          if (!pooled) {
            throw new Unreachable(e);
          }
          connection.close();
          connection = fresh(body).connection;
          pooled = false;
        }
      }
    }

    /** Whether more of the body can be read without waiting. */
    boolean ready() {
      try {
        return connection.ready();
      } catch (IOException e) {
        return false;
      }
    }

    /** The whole body as text, at most {@code limit} characters. */
    String readAll(long start, int limit) {
      StringBuilder text = new StringBuilder();
      while (true) {
        String line = next(start, null, true);
        if (line == UpstreamConnection.END || line == null) {
          return text.toString();
        }
        if (text.length() + line.length() > limit) {
          throw UpstreamErrors.broken("was too long");
        }
        text.append(line).append('\n');
      }
    }

    /**
     * The next line, {@link UpstreamConnection#END} at the end, or null when {@code deltas} says
     * the client went away; the total time limit and, until the answer has {@code begun}, the
     * first-token limit apply.
     */
    String next(long start, ModelDeltas deltas, boolean begun) {
      while (true) {
        long elapsed = System.nanoTime() - start;
        if (!begun && elapsed >= settings.firstTokenTimeout().toNanos()) {
          throw UpstreamErrors.firstTokenTimeout(settings.firstTokenTimeout().toSeconds());
        }
        if (elapsed >= settings.totalTimeout().toNanos()) {
          throw UpstreamErrors.totalTimeout(settings.totalTimeout().toSeconds());
        }
        try {
          String line = connection.nextLine();
          if (line != null) {
            return line;
          }
          if (deltas != null && deltas.cancelled()) {
            return null;
          }
        } catch (IOException e) {
          throw UpstreamErrors.broken("was cut off");
        }
      }
    }

    /** The answer was read whole: the connection may carry the next request. */
    void release() {
      try {
        // After [DONE] the body's last bytes have usually arrived too: read them if so.
        for (int lines = 0; lines < 16 && !connection.reusable() && connection.ready(); lines++) {
          connection.nextLine();
        }
      } catch (IOException e) {
        return;
      }
      if (connection.reusable() && idleConnections.size() < MAX_IDLE_CONNECTIONS) {
        idleConnections.offer(connection);
        connection = null;
      }
    }

    /** Stops the request (closing its connection) unless it was released. */
    void cancel() {
      if (connection != null) {
        connection.close();
      }
    }
  }

  @Override
  public int tokens(String text) {
    return TokenCounts.of(text);
  }

  @Override
  public int inputTokens(ModelRequest request) {
    return TokenCounts.of(request);
  }

  @Override
  public int inputTokens(ModelRequest request, int atMost) {
    return TokenCounts.of(request, atMost);
  }
}
