package dev.lectern.domain.flow;

import java.util.List;
import java.util.Objects;

/**
 * Value: a text with places a run of a flow fills in. Its places are typed when the flow is read,
 * so what a question or a value brings is only ever text: it cannot open a place of its own.
 *
 * @param parts the literal pieces and places, in order
 */
public record Template(List<Part> parts) {

  /** A piece of a template. */
  public sealed interface Part permits Literal, Variable, Input, Slot {}

  /** Text as it is written. */
  public record Literal(String text) implements Part {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** One of the flow's own values, by name. */
  public record Variable(String name) implements Part {
    public Variable {
      Objects.requireNonNull(name, "name");
    }
  }

  /** One of the values a run starts with, by name; the flow may give it a value of its own. */
  public record Input(String name) implements Part {
    public Input {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A place the run itself fills. */
  public enum Slot implements Part {
    /** The question asked. */
    QUESTION,
    /** Who asks. */
    ASKER,
    /** Which turn of the conversation this is, counting from 1. */
    TURN,
    /** The files given with the question; none can be, so an empty list. */
    FILES,
    /** The retrieved passages. */
    PASSAGES,
    /** The model's answer. */
    ANSWER
  }

  public static final Template EMPTY = new Template(List.of());

  public Template {
    parts = List.copyOf(parts);
  }

  /** A template that is only text. */
  public static Template of(String text) {
    return new Template(List.of(new Literal(text)));
  }
}
