package dev.lectern.domain.task;

import java.util.Arrays;
import java.util.Optional;

/** What a task does; {@link #code()} is its stable name in storage and in the admin API. */
public enum TaskKind {
  ARTIFACT_INGEST("artifact.ingest"),
  ARTIFACT_DELETE("artifact.delete"),
  DOCUMENT_PARSE("document.parse");

  private final String code;

  TaskKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<TaskKind> fromCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }
}
