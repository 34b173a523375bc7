package dev.lectern.adapters.llm.extractive;

import dev.lectern.adapters.llm.TokenCounts;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.Reference;
import java.util.List;

/**
 * Adapter: the built-in model for when no language model is configured. It answers with the
 * sentences of the retrieved passages that best match the question, each cited as {@code [n]}, or
 * says plainly that it found nothing and that no language model is configured. Deterministic; it
 * streams word by word and honours the token limit and stop sequences.
 */
public final class ExtractiveLanguageModel implements LanguageModel {
  static final String NOTHING_FOUND =
      "I found nothing about this in the documents I can search. No language model is configured,"
          + " so I answer only with passages of the documents that match the question.";

  @Override
  public ModelReply complete(ModelRequest request) {
    return stream(request, delta -> {});
  }

  @Override
  public ModelReply stream(ModelRequest request, ModelDeltas deltas) {
    String answer = cutAtStop(answer(request), request.settings().stop());
    Integer maxTokens = request.settings().maxTokens();
    StringBuilder written = new StringBuilder();
    FinishReason finish = FinishReason.STOP;
    String[] words = answer.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (deltas.cancelled()) {
        finish = FinishReason.CANCELLED;
        break;
      }
      String delta = i + 1 < words.length ? words[i] + " " : words[i];
      if (maxTokens != null && TokenCounts.of(written + delta) > maxTokens) {
        finish = FinishReason.LENGTH;
        break;
      }
      written.append(delta);
      deltas.text(delta);
    }
    String text = written.toString();
    // The passages are read once: in the system prompt when it holds them, else on their own.
    int input = TokenCounts.of(request);
    if (!request.prompt().shows(request.passages())) {
      for (Reference passage : request.passages()) {
        input += TokenCounts.of(passage.snippet());
      }
    }
    return new ModelReply(
        text, List.of(), finish, new ModelReply.TokenUsage(input, TokenCounts.of(text)));
  }

  private static String answer(ModelRequest request) {
    String question = ModelMessage.lastQuestion(request.messages());
    if (question == null || request.passages().isEmpty()) {
      return NOTHING_FOUND;
    }
    List<SentenceRanking.Quote> quotes = SentenceRanking.best(question, request.passages());
    if (quotes.isEmpty()) {
      return NOTHING_FOUND;
    }
    StringBuilder answer = new StringBuilder();
    for (SentenceRanking.Quote quote : quotes) {
      if (!answer.isEmpty()) {
        answer.append(' ');
      }
      answer.append(quote.sentence()).append(" [").append(quote.passage() + 1).append(']');
    }
    return answer.toString();
  }

  private static String cutAtStop(String answer, List<String> stops) {
    int cut = answer.length();
    for (String stop : stops) {
      int at = stop.isEmpty() ? -1 : answer.indexOf(stop);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return answer.substring(0, cut).stripTrailing();
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
