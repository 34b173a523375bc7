package dev.lectern.domain.conversation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Value: a tool the model may ask for, its parameters described by a JSON schema. A schema may hold
 * JSON nulls (a {@code "default": null}), so its map is copied as it is, in key order.
 */
public record ModelTool(String name, String description, Map<String, Object> parameters) {
  public ModelTool {
    Objects.requireNonNull(name, "name");
    parameters =
        parameters == null
            ? Map.of("type", "object")
            : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
