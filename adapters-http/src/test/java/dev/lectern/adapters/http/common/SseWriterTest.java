package dev.lectern.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseWriterTest {
  static String written(SseWriter.Framing framing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseWriter sse = new SseWriter(out, framing);
    sse.event("message_start", Json.object().put("type", "message_start"));
    sse.event("content_block_delta", Json.object().put("text", "héllo\nworld"));
    sse.done();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachDialectsFraming() {
    assertThat(written(SseWriter.Framing.OPENAI))
        .isEqualTo(
            "data: {\"type\":\"message_start\"}\n\ndata: {\"text\":\"héllo\\nworld\"}\n\ndata: [DONE]\n\n");
    assertThat(written(SseWriter.Framing.NAMED))
        .isEqualTo(
            "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                + "event: content_block_delta\ndata: {\"text\":\"héllo\\nworld\"}\n\n");
    assertThat(written(SseWriter.Framing.TIGHT))
        .isEqualTo("data:{\"type\":\"message_start\"}\n\ndata:{\"text\":\"héllo\\nworld\"}\n\n");
  }

  @Test
  void aClientThatWentAwayIsNotedAndLaterWritesAreSkipped() {
    int[] writes = {0};
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            writes[0]++;
            throw new IOException("Broken pipe");
          }
        };
    SseWriter sse = new SseWriter(closed, SseWriter.Framing.OPENAI);

    sse.event(null, Json.object());
    sse.keepAlive();
    sse.done();

    assertThat(sse.clientGone()).isTrue();
    assertThat(writes[0]).isEqualTo(1);
  }

  static int count(ByteArrayOutputStream out, String what) {
    String text;
    synchronized (out) {
      text = out.toString(StandardCharsets.UTF_8);
    }
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  @Test
  void anIdleStreamIsPingedUntilClosedAndABusyOneIsNot() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseWriter sse = new SseWriter(out, SseWriter.Framing.NAMED);
    sse.pingWhenIdle(Duration.ofMillis(60), "ping", Json.object().put("type", "ping"));

    Thread.sleep(400);
    sse.close();
    int pings = count(out, "event: ping\ndata: {\"type\":\"ping\"}\n\n");
    Thread.sleep(200);

    assertThat(pings).isBetween(2, 8);
    assertThat(count(out, "event: ping")).isEqualTo(pings);

    ByteArrayOutputStream busyOut = new ByteArrayOutputStream();
    SseWriter busy = new SseWriter(busyOut, SseWriter.Framing.NAMED);
    busy.pingWhenIdle(Duration.ofMillis(150), "ping", Json.object().put("type", "ping"));
    for (int i = 0; i < 30; i++) {
      busy.event("content_block_delta", Json.object().put("i", i));
      Thread.sleep(10);
    }
    busy.close();
    assertThat(count(busyOut, "event: ping")).isZero();
  }
}
