package dev.lectern.bootstrap.cli;

import dev.lectern.bootstrap.LlmConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The language-model flags, shared by {@code serve} and the commands that name a model. */
final class LlmOptions {
  @Option(
      names = "--llm-base-url",
      defaultValue = "${env:LECTERN_LLM_BASE_URL:-}",
      description =
          "An OpenAI-compatible server (Ollama, vLLM, llama.cpp, OpenAI…) assistants answer with;"
              + " none for the built-in extractive model. Env: LECTERN_LLM_BASE_URL.")
  String llmBaseUrl;

  @Option(
      names = "--llm-model",
      defaultValue = "${env:LECTERN_LLM_MODEL:-default}",
      description = "The model asked for. Env: LECTERN_LLM_MODEL.")
  String llmModel;

  @Option(
      names = "--llm-models",
      defaultValue = "${env:LECTERN_LLM_MODELS:-}",
      description =
          "Further models assistants may choose, as name=model@url[,…]; the key of each comes"
              + " from LECTERN_LLM_API_KEY_<NAME>. Env: LECTERN_LLM_MODELS.")
  String llmModels;

  @Option(
      names = "--llm-context-tokens",
      defaultValue = "${env:LECTERN_LLM_CONTEXT_TOKENS:-8192}",
      description =
          "Context window of the OpenAI-compatible models: prompts are cut to fit it."
              + " Env: LECTERN_LLM_CONTEXT_TOKENS.")
  int llmContextTokens;

  @Option(
      names = "--llm-timeout-seconds",
      defaultValue = "${env:LECTERN_LLM_TIMEOUT_SECONDS:-600}",
      description = "Time limit of one answer. Env: LECTERN_LLM_TIMEOUT_SECONDS.")
  long llmTimeoutSeconds;

  /** The configuration these flags and their environment variables give. */
  LlmConfig config() {
    return new LlmConfig(
        llmBaseUrl.isBlank() ? null : llmBaseUrl,
        llmModel,
        System.getenv("LECTERN_LLM_API_KEY"),
        LlmConfig.NamedModel.withDefaultKey(
            LlmConfig.NamedModel.parse(
                llmModels, name -> System.getenv(LlmConfig.NamedModel.keyVariable(name))),
            llmBaseUrl,
            System.getenv("LECTERN_LLM_API_KEY")),
        llmContextTokens,
        Duration.ofSeconds(Math.min(60, llmTimeoutSeconds)),
        Duration.ofSeconds(llmTimeoutSeconds));
  }
}
