package dev.lectern.adapters.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.application.port.out.ModelTool;
import dev.lectern.application.port.out.ToolCall;
import dev.lectern.domain.text.WellFormed;

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
    int total = request.system() == null ? 0 : of(request.system()) + PER_MESSAGE;
    for (ModelMessage message : request.messages()) {
      total += of(message.text()) + PER_MESSAGE;
      for (ToolCall call : message.toolCalls()) {
        total += of(call.name()) + of(call.arguments());
      }
    }
    for (ModelTool tool : request.tools()) {
      total += of(tool.name()) + of(tool.description()) + of(String.valueOf(tool.parameters()));
    }
    return total;
  }
}
