package dev.lectern.application.port.out;

import java.util.Map;
import java.util.Objects;

/** Value: a tool the model may ask for, its parameters described by a JSON schema. */
public record ModelTool(String name, String description, Map<String, Object> parameters) {
  public ModelTool {
    Objects.requireNonNull(name, "name");
    parameters = parameters == null ? Map.of("type", "object") : Map.copyOf(parameters);
  }
}
