package dev.lectern.bootstrap;

import dev.lectern.application.port.out.TaskEvents;
import java.time.Duration;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapter: one log line per task transition, with the time of each stage of the attempt. */
final class LoggingTaskEvents implements TaskEvents {
  private static final Logger LOG = LoggerFactory.getLogger("dev.lectern.tasks");

  @Override
  public void transitioned(Transition t) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    StringBuilder line = new StringBuilder();
    line.append("task ")
        .append(t.id())
        .append(' ')
        .append(t.kind().code())
        .append(" org=")
        .append(t.orgId())
        .append(' ')
        .append(t.from() == null ? "submitted" : t.from().name())
        .append(" -> ")
        .append(t.to().name());
    if (t.attempt() > 0) {
      line.append(" attempt=").append(t.attempt());
    }
    if (!t.elapsed().isZero()) {
      line.append(" took=").append(millis(t.elapsed()));
    }
    if (!t.stages().isEmpty()) {
      StringJoiner stages = new StringJoiner(", ", " stages=[", "]");
      t.stages().forEach((stage, took) -> stages.add(stage + " " + millis(took)));
      line.append(stages);
    }
    if (!t.detail().isEmpty()) {
      line.append(" detail=\"").append(t.detail()).append('"');
    }
    LOG.info(line.toString());
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
