package dev.lectern.bootstrap;

import dev.lectern.adapters.llm.extractive.ExtractiveLanguageModel;
import dev.lectern.adapters.llm.openai.OpenAiCompatibleLanguageModel;
import dev.lectern.adapters.llm.openai.OpenAiSettings;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.service.answer.AnswerQuestionService;
import dev.lectern.application.service.answer.AssistantKnowledge;
import dev.lectern.application.service.answer.ComposeReplyService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring of the chat area: the language model and the answer pipeline over the stores. */
public final class ChatWiring {
  private static final Logger LOG = LoggerFactory.getLogger(ChatWiring.class);

  private final LanguageModel model;
  private final AnswerQuestionUseCase answers;
  private final ComposeReplyUseCase replies;

  private ChatWiring(
      LanguageModel model, AnswerQuestionUseCase answers, ComposeReplyUseCase replies) {
    this.model = model;
    this.answers = answers;
    this.replies = replies;
  }

  static ChatWiring create(
      LecternConfig.Llm llm, MetadataStores stores, RetrieveChunksUseCase retrieve, Clock clock) {
    LanguageModel model = languageModel(llm);
    return new ChatWiring(
        model,
        new AnswerQuestionService(
            stores.assistants(),
            stores.conversations(),
            new AssistantKnowledge(retrieve),
            model,
            clock),
        new ComposeReplyService(retrieve, model));
  }

  /** The configured OpenAI-compatible model, or the built-in extractive one. */
  static LanguageModel languageModel(LecternConfig.Llm llm) {
    if (llm.builtInModel()) {
      LOG.info("language model: built-in extractive (set LECTERN_LLM_BASE_URL for a real one)");
      return new ExtractiveLanguageModel();
    }
    URI base = URI.create(llm.baseUrl());
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("the language model URL must be http or https: " + base);
    }
    LOG.info("language model: {} at {}", llm.model(), base.getHost());
    OpenAiSettings usual = OpenAiSettings.of(base, llm.model(), llm.apiKey());
    return new OpenAiCompatibleLanguageModel(
        new OpenAiSettings(
            base,
            llm.model(),
            llm.apiKey(),
            usual.connectTimeout(),
            llm.firstTokenTimeout(),
            llm.totalTimeout(),
            usual.attempts(),
            Duration.ofMillis(500)));
  }

  public LanguageModel model() {
    return model;
  }

  public AnswerQuestionUseCase answers() {
    return answers;
  }

  public ComposeReplyUseCase replies() {
    return replies;
  }
}
