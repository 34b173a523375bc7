package dev.lectern.application.fakes;

import dev.lectern.application.port.out.TaskEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake: keeps every task transition for assertions. */
public final class RecordingTaskEvents implements TaskEvents {
  private final List<Transition> transitions = new CopyOnWriteArrayList<>();

  @Override
  public void transitioned(Transition transition) {
    transitions.add(transition);
  }

  public List<Transition> all() {
    return List.copyOf(transitions);
  }
}
