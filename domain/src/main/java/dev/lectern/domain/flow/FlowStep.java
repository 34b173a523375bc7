package dev.lectern.domain.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Value: one step of a flow. Each has the id the flow gives it and the name it is shown by ("" for
 * none).
 */
public sealed interface FlowStep
    permits FlowStep.Begin, FlowStep.Retrieve, FlowStep.Generate, FlowStep.Message {

  String id();

  String label();

  /**
   * Where a run starts.
   *
   * @param opener the first message of a new conversation
   * @param inputs the values a run starts with when the question gives none of its own
   */
  record Begin(String id, String label, String opener, Map<String, String> inputs)
      implements FlowStep {
    public Begin {
      Objects.requireNonNull(id, "id");
      label = label == null ? "" : label;
      opener = opener == null ? "" : opener;
      inputs = Map.copyOf(inputs);
    }
  }

  /**
   * Finds the passages for the question.
   *
   * @param datasets the collections searched, by the ids the flow names them with
   * @param topN how many passages, or null for the assistant's default
   * @param threshold the least similarity a passage needs, or null for the default
   * @param keywordWeight the weight of keyword similarity, or null for the default
   */
  record Retrieve(
      String id,
      String label,
      List<String> datasets,
      Integer topN,
      Double threshold,
      Double keywordWeight)
      implements FlowStep {
    public Retrieve {
      Objects.requireNonNull(id, "id");
      label = label == null ? "" : label;
      datasets = List.copyOf(datasets);
    }
  }

  /**
   * Asks the model.
   *
   * @param model the model by the name the flow gives, "" for none
   * @param instructions the system prompt
   * @param question the user's turn as the model sees it
   * @param temperature null for the default; likewise {@code topP} and {@code maxTokens}
   * @param cite whether the answer carries citations
   * @param older whether the flow writes this step in its older form, which a dialect may name
   *     differently
   */
  record Generate(
      String id,
      String label,
      String model,
      Template instructions,
      Template question,
      Double temperature,
      Double topP,
      Integer maxTokens,
      boolean cite,
      boolean older)
      implements FlowStep {
    public Generate {
      Objects.requireNonNull(id, "id");
      label = label == null ? "" : label;
      model = model == null ? "" : model;
      Objects.requireNonNull(instructions, "instructions");
      Objects.requireNonNull(question, "question");
    }
  }

  /**
   * The answer the run gives: one of its templates, picked at random for each answer.
   *
   * @param choices the templates, at least one
   */
  record Message(String id, String label, List<Template> choices) implements FlowStep {
    public Message {
      Objects.requireNonNull(id, "id");
      label = label == null ? "" : label;
      choices = List.copyOf(choices);
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("a message needs a template");
      }
    }
  }
}
