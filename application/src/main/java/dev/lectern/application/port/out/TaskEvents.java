package dev.lectern.application.port.out;

import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Duration;
import java.util.Map;

/** Port: where the task engine reports each change of a task's status (a log, metrics). */
public interface TaskEvents {

  /**
   * One change of status.
   *
   * @param from null for a newly submitted task
   * @param elapsed time spent in the attempt that ends with this change; zero otherwise
   * @param stages time per stage of the attempt, in the order the stages ran
   * @param detail a short human reason (an error message, "retry in 4s"); may be empty
   */
  record Transition(
      TaskId id,
      String orgId,
      TaskKind kind,
      TaskStatus from,
      TaskStatus to,
      int attempt,
      Duration elapsed,
      Map<String, Duration> stages,
      String detail) {}

  void transitioned(Transition transition);
}
