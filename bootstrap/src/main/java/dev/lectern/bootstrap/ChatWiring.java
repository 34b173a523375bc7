package dev.lectern.bootstrap;

import dev.lectern.adapters.llm.ModelRoster;
import dev.lectern.adapters.llm.extractive.ExtractiveLanguageModel;
import dev.lectern.adapters.llm.openai.OpenAiCompatibleLanguageModel;
import dev.lectern.adapters.llm.openai.OpenAiSettings;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.application.port.in.answer.CheckReplyUseCase;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;
import dev.lectern.application.port.in.answer.CountPromptTokensUseCase;
import dev.lectern.application.port.in.answer.ListModelsUseCase;
import dev.lectern.application.port.in.assistant.AssistantChecksUseCase;
import dev.lectern.application.port.in.conversation.AnonymousConversationsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.service.answer.AnswerPipeline;
import dev.lectern.application.service.answer.AnswerQuestionService;
import dev.lectern.application.service.answer.AskAssistantService;
import dev.lectern.application.service.answer.CheckReplyService;
import dev.lectern.application.service.answer.ComposeReplyService;
import dev.lectern.application.service.answer.CountPromptTokensService;
import dev.lectern.application.service.answer.ListModelsService;
import dev.lectern.application.service.assistant.AssistantChecksService;
import dev.lectern.application.service.assistant.AssistantService;
import dev.lectern.application.service.conversation.AnonymousConversationsService;
import dev.lectern.application.service.conversation.AnonymousQuota;
import dev.lectern.application.service.conversation.ManageConversationsService;
import dev.lectern.application.service.conversation.StartConversationService;
import dev.lectern.domain.assistant.ModelInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring of the chat area: the language model and the answer pipeline over the stores. */
public final class ChatWiring {
  private static final Logger LOG = LoggerFactory.getLogger(ChatWiring.class);

  /** The built-in model's name, always configured. */
  public static final String BUILT_IN = "extractive";

  /** The built-in model reads no real window; this only bounds what a client may send. */
  static final int BUILT_IN_CONTEXT_TOKENS = 131_072;

  private final ModelRoster models;
  private final AnswerQuestionUseCase answers;
  private final ComposeReplyUseCase replies;
  private final CountPromptTokensUseCase promptTokens;
  private final CheckReplyUseCase replyChecks;
  private final AssistantService assistants;
  private final AssistantChecksUseCase assistantChecks;
  private final AskAssistantUseCase asks;
  private final StartConversationService starts;
  private final ManageConversationsService conversations;
  private final AnonymousConversationsService anonymous;

  private ChatWiring(
      ModelRoster models,
      AnswerQuestionUseCase answers,
      AnswerPipeline pipeline,
      AssistantService assistants,
      AskAssistantUseCase asks,
      MetadataStores stores,
      AnonymousQuota quota,
      Clock clock) {
    this.anonymous =
        new AnonymousConversationsService(stores.assistants(), stores.conversations(), quota);
    this.asks = asks;
    this.models = models;
    this.answers = answers;
    this.replies = new ComposeReplyService(pipeline);
    this.promptTokens = new CountPromptTokensService(pipeline);
    this.replyChecks = new CheckReplyService(pipeline);
    this.assistants = assistants;
    this.assistantChecks = new AssistantChecksService(stores.assistants(), models);
    this.starts = new StartConversationService(stores.assistants(), stores.conversations(), clock);
    this.conversations =
        new ManageConversationsService(stores.assistants(), stores.conversations(), clock);
  }

  static ChatWiring create(
      LecternConfig config, MetadataStores stores, RetrieveChunksUseCase retrieve, Clock clock) {
    ModelRoster models = roster(config.llm(), config.answers().maxAnswerChars());
    // Said by the server, not by every CLI command that checks a model name.
    LOG.info(
        "language models: {} (default {})",
        String.join(", ", models.models().stream().map(ModelInfo::name).toList()),
        models.defaultModel().name());
    AnonymousQuota quota =
        new AnonymousQuota(
            stores.conversations(),
            new AnonymousQuota.Limits(
                config.answers().publicConversations(), config.answers().publicStoredBytes()));
    AnswerPipeline pipeline = new AnswerPipeline(retrieve, models, models);
    return new ChatWiring(
        models,
        new AnswerQuestionService(
            stores.assistants(), stores.conversations(), pipeline, clock, quota),
        pipeline,
        assistants(stores, models, clock),
        new AskAssistantService(stores.assistants(), pipeline),
        stores,
        quota,
        clock);
  }

  /** The assistant use cases over the stores, for the server and the command line alike. */
  public static AssistantService assistants(
      MetadataStores stores, ModelCatalog models, Clock clock) {
    return new AssistantService(
        stores.assistants(), stores.collections(), models, stores.tokens(), clock);
  }

  /**
   * The configured models: the default one first (an OpenAI-compatible server when a URL is set,
   * else the built-in extractive model), then the named ones; the built-in model is always there.
   */
  public static ModelRoster roster(LlmConfig llm) {
    return roster(llm, OpenAiSettings.DEFAULT_MAX_ANSWER_CHARS);
  }

  /** The configured models, reading answers of at most {@code maxAnswerChars}. */
  static ModelRoster roster(LlmConfig llm, int maxAnswerChars) {
    ModelRoster roster = new ModelRoster();
    if (!llm.builtInModel()) {
      roster.add(
          new ModelInfo(llm.model(), llm.model(), false, llm.contextTokens(), true),
          openAi(llm, llm.baseUrl(), llm.model(), llm.apiKey(), maxAnswerChars));
    }
    for (LlmConfig.NamedModel named : llm.named()) {
      roster.add(
          new ModelInfo(named.name(), named.model(), false, llm.contextTokens(), true),
          openAi(llm, named.baseUrl(), named.model(), named.apiKey(), maxAnswerChars));
    }
    if (roster.find(BUILT_IN).isEmpty()) {
      roster.add(
          new ModelInfo(BUILT_IN, BUILT_IN, true, BUILT_IN_CONTEXT_TOKENS, false),
          new ExtractiveLanguageModel());
    }
    return roster;
  }

  private static LanguageModel openAi(
      LlmConfig llm, String url, String model, String apiKey, int maxAnswerChars) {
    URI base = URI.create(url);
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("the language model URL must be http or https: " + base);
    }
    OpenAiSettings usual = OpenAiSettings.of(base, model, apiKey);
    return new OpenAiCompatibleLanguageModel(
        new OpenAiSettings(
            base,
            model,
            apiKey,
            usual.connectTimeout(),
            llm.firstTokenTimeout(),
            llm.totalTimeout(),
            usual.attempts(),
            Duration.ofMillis(500),
            maxAnswerChars));
  }

  /** Assistants and their keys. */
  public AssistantService assistants() {
    return assistants;
  }

  /** What a dialect checks before it writes an assistant: names in use, models served. */
  public AssistantChecksUseCase assistantChecks() {
    return assistantChecks;
  }

  public ListModelsUseCase modelList() {
    return new ListModelsService(models);
  }

  /** Every configured model as one, by name. */
  public ModelRoster models() {
    return models;
  }

  public AnswerQuestionUseCase answers() {
    return answers;
  }

  public ComposeReplyUseCase replies() {
    return replies;
  }

  public CountPromptTokensUseCase promptTokens() {
    return promptTokens;
  }

  public CheckReplyUseCase replyChecks() {
    return replyChecks;
  }

  /** Answers to conversations the client keeps. */
  public AskAssistantUseCase asks() {
    return asks;
  }

  /** What anonymous callers stored with public assistants. */
  public AnonymousConversationsUseCase anonymous() {
    return anonymous;
  }

  public StartConversationUseCase starts() {
    return starts;
  }

  public ManageConversationsUseCase conversations() {
    return conversations;
  }
}
