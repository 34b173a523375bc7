package dev.lectern.application.port.in.answer;

import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import dev.lectern.application.port.out.ModelReply;
import java.util.List;

/**
 * What {@link ComposeReplyUseCase} produced: the model's reply and the chunks it was given, in the
 * order its {@code [n]} citations count them.
 */
public record Reply(ModelReply reply, List<RetrievedChunk> sources) {
  public Reply {
    sources = List.copyOf(sources);
  }
}
