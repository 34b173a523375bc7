package dev.lectern.application.port.out;

import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.SystemPrompt;
import dev.lectern.domain.conversation.ToolChoice;
import dev.lectern.domain.text.WellFormed;
import java.util.List;
import java.util.Objects;

/**
 * Value: what a language model is asked.
 *
 * @param model the configured model's name, or null for the default one
 * @param prompt how the system prompt is put together with the passages
 * @param messages the conversation so far, oldest first, the question last
 * @param settings sampling and length
 * @param tools tools the model may ask for (empty for none)
 * @param toolChoice whether it must call one of them
 * @param passages retrieved for the question, which the answer may quote and cite as {@code [n]}
 *     (1-based): a model that reads only the prompt finds them in {@link #system()}, one that reads
 *     passages (the built-in one) here; they are held once
 */
public record ModelRequest(
    String model,
    SystemPrompt prompt,
    List<ModelMessage> messages,
    ModelSettings settings,
    List<ModelTool> tools,
    ToolChoice toolChoice,
    List<Reference> passages) {

  public ModelRequest {
    prompt = prompt == null ? SystemPrompt.plain(null) : prompt;
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    settings = settings == null ? ModelSettings.DEFAULTS : settings;
    tools = tools == null ? List.of() : List.copyOf(tools);
    toolChoice = toolChoice == null || tools.isEmpty() ? ToolChoice.AUTO : toolChoice;
    passages = passages == null ? List.of() : List.copyOf(passages);
  }

  /** A request with a plain system prompt (null for none) and no passages. */
  public ModelRequest(
      String model,
      String system,
      List<ModelMessage> messages,
      ModelSettings settings,
      List<ModelTool> tools,
      ToolChoice toolChoice) {
    this(model, SystemPrompt.plain(system), messages, settings, tools, toolChoice, List.of());
  }

  /** The system prompt with the passages in it, or null for none. */
  public String system() {
    String system = prompt.render(passages);
    // A model never sees unpaired surrogates (which encoders refuse); they become U+FFFD.
    return system == null ? null : WellFormed.text(system);
  }

  /** The same request for another model name (null for the default). */
  public ModelRequest forModel(String name) {
    return new ModelRequest(name, prompt, messages, settings, tools, toolChoice, passages);
  }

  /** The same request with these messages. */
  public ModelRequest withMessages(List<ModelMessage> turns) {
    return new ModelRequest(model, prompt, turns, settings, tools, toolChoice, passages);
  }
}
