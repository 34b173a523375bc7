package dev.lectern.adapters.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.ToolCall;
import dev.lectern.domain.text.WellFormed;
import java.util.List;

/** Counts cl100k_base tokens, for models that report no usage of their own. */
public final class TokenCounts {
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  /** Tokens a chat format adds around each message, as OpenAI counts them. */
  private static final int PER_MESSAGE = 4;

  private TokenCounts() {}

  public static int of(String text) {
    // The encoder refuses unpaired surrogates, which a client may send: they count as U+FFFD.
    return text == null || text.isEmpty() ? 0 : CL100K.countTokensOrdinary(WellFormed.text(text));
  }

  /** What a request costs to read: its system prompt, messages and tool definitions. */
  public static int of(ModelRequest request) {
    return of(request, Integer.MAX_VALUE);
  }

  /**
   * What a request costs to read, exactly when it is at most {@code atMost}; else a count above
   * {@code atMost}, made of no more of the request than that takes (the newest messages first, as
   * they are the ones that must fit).
   */
  public static int of(ModelRequest request, int atMost) {
    Bounded count = new Bounded(atMost);
    List<ModelMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0 && count.open(); i--) {
      ModelMessage message = messages.get(i);
      count.add(message.text(), PER_MESSAGE);
      for (ToolCall call : message.toolCalls()) {
        count.add(call.name(), 0);
        count.add(call.arguments(), 0);
      }
    }
    if (request.system() != null) {
      count.add(request.system(), PER_MESSAGE);
    }
    for (ModelTool tool : request.tools()) {
      count.add(tool.name(), 0);
      count.add(tool.description(), 0);
      count.add(String.valueOf(tool.parameters()), 0);
    }
    return (int) Math.min(Integer.MAX_VALUE, count.total);
  }

  /**
   * A sum that stops counting once it passes its bound. A long text is counted a slice at a time: a
   * token is never cut in the exact count (it is counted whole), and past the bound a slice's edges
   * matter no more.
   */
  private static final class Bounded {
    private static final int SLICE = 64 * 1024;

    private final long atMost;
    private long total;

    Bounded(int atMost) {
      this.atMost = atMost;
    }

    boolean open() {
      return total <= atMost;
    }

    void add(String text, int extra) {
      if (!open()) {
        return;
      }
      total += extra;
      if (text == null || text.length() <= SLICE || atMost - total > text.length()) {
        total += of(text);
        return;
      }
      long before = total;
      int from = 0;
      while (from < text.length() && open()) {
        int to = Math.min(text.length(), from + SLICE);
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
          to--;
        }
        total += of(text.substring(from, to));
        from = to;
      }
      if (open()) {
        // It fits after all: slices may count a token cut at their edges twice, so count it whole.
        total = before + of(text);
      }
    }
  }
}
