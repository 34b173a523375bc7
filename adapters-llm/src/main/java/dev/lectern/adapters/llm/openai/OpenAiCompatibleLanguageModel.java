package dev.lectern.adapters.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.llm.TokenCounts;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private final OpenAiSettings settings;
  private final HttpClient client;

  public OpenAiCompatibleLanguageModel(OpenAiSettings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
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
      Exchange exchange = send(body);
      try {
        HttpResponse.ResponseInfo info = exchange.awaitHeaders(start, deltas);
        if (info == null) {
          return new ModelReply("", null, FinishReason.CANCELLED, usage(request));
        }
        if (info.statusCode() == 200) {
          if (deltas == null || !eventStream(info)) {
            // A server that ignores "stream" answers whole; its text is then one piece.
            ModelReply reply = whole(exchange, request, start);
            if (deltas != null && !reply.text().isEmpty()) {
              deltas.text(reply.text());
            }
            return reply;
          }
          return new StreamReader(exchange, request, deltas, start).read();
        }
        String error = exchange.readAll(start, MAX_ERROR_CHARS);
        LOG.warn("language model answered HTTP {}: {}", info.statusCode(), oneLine(error));
        boolean retry = info.statusCode() == 429 || info.statusCode() >= 500;
        if (!retry || attempt >= settings.attempts()) {
          throw UpstreamErrors.forStatus(info.statusCode(), error);
        }
        wait = pause(wait, retryAfter(info), start);
      } catch (Unreachable e) {
        LOG.warn("language model server cannot be reached: {}", e.getCause().toString());
        if (attempt >= settings.attempts()) {
          throw UpstreamErrors.unreachable();
        }
        wait = pause(wait, null, start);
      } finally {
        exchange.cancel();
      }
    }
  }

  private static boolean eventStream(HttpResponse.ResponseInfo info) {
    String type = info.headers().firstValue("content-type").orElse("text/event-stream");
    return !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private ModelReply whole(Exchange exchange, ModelRequest request, long start) {
    String text = exchange.readAll(start, LineQueue.MAX_LINE_CHARS);
    try {
      JsonNode answer = ChatCompletionsJson.MAPPER.readTree(text);
      if (answer == null || !answer.path("choices").isArray()) {
        throw UpstreamErrors.broken("had no choices");
      }
      ReplyBuilder reply = new ReplyBuilder();
      reply.add(answer);
      return reply.build(request, null);
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

  private static Long retryAfter(HttpResponse.ResponseInfo info) {
    try {
      return info.headers().firstValue("retry-after").map(Long::parseLong).orElse(null);
    } catch (NumberFormatException dateOrJunk) {
      return null;
    }
  }

  private Exchange send(byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.chatCompletions())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (settings.apiKey() != null && !settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    LineQueue lines = new LineQueue();
    CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Void>> sent =
        client.sendAsync(
            request.build(),
            info -> {
              headers.complete(info);
              return HttpResponse.BodySubscribers.fromSubscriber(lines);
            });
    sent.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            headers.completeExceptionally(failure);
            lines.onError(failure);
          }
        });
    return new Exchange(sent, headers, lines);
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

  /** One request in flight: its headers, its body as lines, and how to stop it. */
  final class Exchange {
    private final CompletableFuture<HttpResponse<Void>> sent;
    private final CompletableFuture<HttpResponse.ResponseInfo> headers;
    final LineQueue lines;

    Exchange(
        CompletableFuture<HttpResponse<Void>> sent,
        CompletableFuture<HttpResponse.ResponseInfo> headers,
        LineQueue lines) {
      this.sent = sent;
      this.headers = headers;
      this.lines = lines;
    }

    /** The status and headers, or null when the client went away first. */
    HttpResponse.ResponseInfo awaitHeaders(long start, ModelDeltas deltas) {
      long firstToken = settings.firstTokenTimeout().toNanos();
      while (true) {
        long left = firstToken - (System.nanoTime() - start);
        if (left <= 0) {
          throw UpstreamErrors.firstTokenTimeout(settings.firstTokenTimeout().toSeconds());
        }
        try {
          return headers.get(
              Math.min(left, TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException notYet) {
          if (deltas != null && deltas.cancelled()) {
            return null;
          }
        } catch (ExecutionException e) {
          throw new Unreachable(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw UpstreamErrors.broken("was interrupted");
        }
      }
    }

    /** The whole body as text, at most {@code limit} characters. */
    String readAll(long start, int limit) {
      StringBuilder text = new StringBuilder();
      while (true) {
        String line = next(start, null, true);
        if (line == LineQueue.END || line == null) {
          return text.toString();
        }
        if (text.length() + line.length() > limit) {
          throw UpstreamErrors.broken("was too long");
        }
        text.append(line).append('\n');
      }
    }

    /**
     * The next line, {@link LineQueue#END} at the end, or null when {@code deltas} says the client
     * went away; the total time limit and, until the answer has {@code begun}, the first-token
     * limit apply.
     */
    String next(long start, ModelDeltas deltas, boolean begun) {
      while (true) {
        long elapsed = System.nanoTime() - start;
        if (!begun && elapsed >= settings.firstTokenTimeout().toNanos()) {
          throw UpstreamErrors.firstTokenTimeout(settings.firstTokenTimeout().toSeconds());
        }
        long left = settings.totalTimeout().toNanos() - elapsed;
        if (left <= 0) {
          throw UpstreamErrors.totalTimeout(settings.totalTimeout().toSeconds());
        }
        try {
          String line =
              lines.poll(
                  Math.min(left, TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)),
                  TimeUnit.NANOSECONDS);
          if (line != null) {
            return line;
          }
          if (deltas != null && deltas.cancelled()) {
            return null;
          }
        } catch (IOException e) {
          throw UpstreamErrors.broken("was cut off");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw UpstreamErrors.broken("was interrupted");
        }
      }
    }

    void cancel() {
      lines.cancel();
      sent.cancel(true);
    }
  }

  @Override
  public int inputTokens(ModelRequest request) {
    return TokenCounts.of(request);
  }
}
