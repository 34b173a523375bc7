package dev.lectern.domain.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Value: how an assistant defined step by step answers: it begins, may retrieve passages, may ask
 * the model, and ends with a message. The steps run in order, each at most once.
 *
 * @param steps Begin first, then Retrieve and Generate if any (in that order), Message last
 * @param variables the flow's own named values
 */
public record Flow(List<FlowStep> steps, Map<String, String> variables) {

  /** The most steps a flow may chain. */
  public static final int MAX_STEPS = 64;

  public Flow {
    steps = List.copyOf(steps);
    variables = Map.copyOf(variables);
    if (steps.size() < 2
        || !(steps.getFirst() instanceof FlowStep.Begin)
        || !(steps.getLast() instanceof FlowStep.Message)) {
      throw new IllegalArgumentException("a flow begins with Begin and ends with Message");
    }
    if (steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException("a flow has at most " + MAX_STEPS + " steps");
    }
    boolean retrieve = false;
    boolean generate = false;
    for (FlowStep step : steps.subList(1, steps.size() - 1)) {
      if (step instanceof FlowStep.Retrieve && !retrieve && !generate) {
        retrieve = true;
      } else if (step instanceof FlowStep.Generate && !generate) {
        generate = true;
      } else {
        throw new IllegalArgumentException(
            "step " + step.id() + ": a flow retrieves once, then asks the model once");
      }
    }
  }

  public FlowStep.Begin begin() {
    return (FlowStep.Begin) steps.getFirst();
  }

  public Optional<FlowStep.Retrieve> retrieve() {
    return find(FlowStep.Retrieve.class);
  }

  public Optional<FlowStep.Generate> generate() {
    return find(FlowStep.Generate.class);
  }

  public FlowStep.Message message() {
    return (FlowStep.Message) steps.getLast();
  }

  private <T extends FlowStep> Optional<T> find(Class<T> kind) {
    return steps.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }
}
