package dev.lectern.application.port.out;

import dev.lectern.domain.text.WellFormed;
import java.util.List;
import java.util.Objects;

/**
 * Value: what a language model is asked.
 *
 * @param model the configured model's name, or null for the default one
 * @param system the system prompt, or null
 * @param messages the conversation so far, oldest first, the question last
 * @param settings sampling and length
 * @param tools tools the model may ask for (empty for none)
 * @param toolChoice whether it must call one of them
 * @param grounding passages retrieved for the question, which the answer may quote and cite as
 *     {@code [n]} (1-based); a model that reads only the prompt finds them in the system prompt
 */
public record ModelRequest(
    String model,
    String system,
    List<ModelMessage> messages,
    ModelSettings settings,
    List<ModelTool> tools,
    ToolChoice toolChoice,
    List<Grounding> grounding) {

  public ModelRequest {
    system = system == null ? null : WellFormed.text(system);
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    settings = settings == null ? ModelSettings.DEFAULTS : settings;
    tools = tools == null ? List.of() : List.copyOf(tools);
    toolChoice = toolChoice == null || tools.isEmpty() ? ToolChoice.AUTO : toolChoice;
    grounding = grounding == null ? List.of() : List.copyOf(grounding);
  }

  /** The same request for another model name (null for the default). */
  public ModelRequest forModel(String name) {
    return new ModelRequest(name, system, messages, settings, tools, toolChoice, grounding);
  }

  /** The same request with these passages. */
  public ModelRequest withGrounding(List<Grounding> passages) {
    return new ModelRequest(model, system, messages, settings, tools, toolChoice, passages);
  }

  /** A passage the answer may draw on. */
  public record Grounding(String id, String text) {
    public Grounding {
      Objects.requireNonNull(text, "text");
    }
  }
}
