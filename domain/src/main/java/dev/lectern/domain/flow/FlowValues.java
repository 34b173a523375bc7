package dev.lectern.domain.flow;

import java.util.Map;
import java.util.Objects;

/**
 * Value: what one question brings to a run of a flow.
 *
 * @param question the question's text
 * @param asker who asks, "" when unknown
 * @param turn which turn of the conversation this is, counting from 1
 * @param inputs the run's input values, over those the flow's Begin gives
 */
public record FlowValues(String question, String asker, int turn, Map<String, String> inputs) {
  public FlowValues {
    Objects.requireNonNull(question, "question");
    asker = asker == null ? "" : asker;
    inputs = Map.copyOf(inputs);
  }
}
