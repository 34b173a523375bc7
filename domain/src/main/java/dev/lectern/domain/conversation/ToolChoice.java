package dev.lectern.domain.conversation;

import java.util.Objects;

/**
 * Value: whether a model must use a tool.
 *
 * @param name for {@link Mode#NAMED}, the tool it must call
 */
public record ToolChoice(Mode mode, String name) {
  /** How free the model is. */
  public enum Mode {
    /** The model decides. */
    AUTO,
    /** The model must call one of the tools. */
    ANY,
    /** The model must call the named tool. */
    NAMED
  }

  public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);

  public ToolChoice {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.NAMED) {
      Objects.requireNonNull(name, "name");
    }
  }

  public static ToolChoice named(String name) {
    return new ToolChoice(Mode.NAMED, name);
  }
}
