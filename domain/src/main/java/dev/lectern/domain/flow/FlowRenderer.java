package dev.lectern.domain.flow;

import dev.lectern.domain.conversation.PassageText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Policy: fills a flow's templates in for one question. Pure but for the random source that picks
 * the message's template, which the caller gives.
 */
public final class FlowRenderer {
  /** The longest a template may grow once filled in. */
  public static final int MAX_RENDERED = 100_000;

  /**
   * How often one template may show the passages: each place holds all of them, so an answer stays
   * within what a message holds.
   */
  public static final int MAX_PASSAGE_PLACES = 8;

  private final RandomGenerator random;

  public FlowRenderer(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * How {@code flow} answers: its message, around the model's answer when the flow asks the model
   * and the message shows the answer, else as a fixed text.
   *
   * @throws FlowTooLarge when a template grows past a limit
   */
  public FlowAnswer render(Flow flow, FlowValues values) {
    List<Template> choices = flow.message().choices();
    Template picked = choices.get(random.nextInt(choices.size()));
    Run run = new Run(flow, values);
    List<Template.Part> message = run.fill(picked, FlowTooLarge.Place.MESSAGE);
    int answer = message.indexOf(Template.Slot.ANSWER);
    if (flow.generate().isEmpty() || answer < 0) {
      return FlowAnswer.fixed(text(message));
    }
    FlowStep.Generate generate = flow.generate().get();
    List<Template.Part> question = run.fill(generate.question(), FlowTooLarge.Place.QUESTION);
    PassageText asked = text(question);
    boolean plain = !asked.showsPassages() && asked.with("").equals(values.question());
    return new FlowAnswer(
        text(run.instructions(question.contains(Template.Slot.PASSAGES))),
        plain ? null : asked,
        text(message.subList(0, answer)),
        text(message.subList(answer + 1, message.size())),
        true);
  }

  /**
   * The system prompt a flow's assistant keeps as its own, for answers outside a run: the
   * question's values left empty, the passages marked with {@code marker}; "" when the flow does
   * not ask the model.
   */
  public static String instructions(Flow flow, String marker) {
    if (flow.generate().isEmpty()) {
      return "";
    }
    Run run = new Run(flow, new FlowValues("", "", 0, Map.of()));
    return text(run.instructions(false)).with(marker);
  }

  /** The parts as a text whose places are where the passages were; the answer's places go. */
  private static PassageText text(List<Template.Part> parts) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (Template.Part part : parts) {
      if (part instanceof Template.Literal literal) {
        piece.append(literal.text());
      } else if (part == Template.Slot.PASSAGES) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
      // Only the message's first place for the answer is where it goes; others show nothing.
    }
    pieces.add(piece.toString());
    return new PassageText(pieces);
  }

  /** One question's values over one flow. */
  private record Run(Flow flow, FlowValues values, Map<String, String> inputs) {
    Run(Flow flow, FlowValues values) {
      this(flow, values, merged(flow, values));
    }

    private static Map<String, String> merged(Flow flow, FlowValues values) {
      Map<String, String> inputs = new HashMap<>(flow.begin().inputs());
      inputs.putAll(values.inputs());
      return inputs;
    }

    /**
     * The model's system prompt filled in; the passages go where it names them, else after it
     * unless the question shows them.
     */
    List<Template.Part> instructions(boolean inQuestion) {
      FlowStep.Generate generate = flow.generate().orElseThrow();
      List<Template.Part> system = fill(generate.instructions(), FlowTooLarge.Place.INSTRUCTIONS);
      if (flow.retrieve().isPresent() && !inQuestion && !system.contains(Template.Slot.PASSAGES)) {
        if (!text(system).isEmpty()) {
          system.add(new Template.Literal("\n\n"));
        }
        system.add(Template.Slot.PASSAGES);
      }
      return system;
    }

    /**
     * The template with every value put in: literals, and the places for passages and answer. The
     * length is counted up to each place as it is filled; text after the last place is the
     * template's own, bounded by what a flow may hold.
     */
    List<Template.Part> fill(Template template, FlowTooLarge.Place place) {
      List<Template.Part> parts = new ArrayList<>();
      long length = 0;
      long pending = 0;
      int passages = 0;
      for (Template.Part part : template.parts()) {
        Template.Part filled = value(part);
        parts.add(filled);
        if (part instanceof Template.Literal literal) {
          pending += literal.text().length();
          continue;
        }
        length += pending + (filled instanceof Template.Literal text ? text.text().length() : 0);
        pending = 0;
        passages += filled == Template.Slot.PASSAGES ? 1 : 0;
        if (passages > MAX_PASSAGE_PLACES) {
          throw new FlowTooLarge(place, FlowTooLarge.Limit.PASSAGE_PLACES);
        }
        if (length > MAX_RENDERED) {
          throw new FlowTooLarge(place, FlowTooLarge.Limit.LENGTH);
        }
      }
      return parts;
    }

    private Template.Part value(Template.Part part) {
      return switch (part) {
        case Template.Literal literal -> literal;
        case Template.Variable variable ->
            new Template.Literal(flow.variables().getOrDefault(variable.name(), ""));
        case Template.Input input -> new Template.Literal(inputs.getOrDefault(input.name(), ""));
        case Template.Slot slot ->
            switch (slot) {
              case QUESTION -> new Template.Literal(values.question());
              case ASKER -> new Template.Literal(values.asker());
              case TURN -> new Template.Literal(Integer.toString(values.turn()));
              case FILES -> new Template.Literal("[]");
              case PASSAGES -> flow.retrieve().isPresent() ? slot : new Template.Literal("");
              case ANSWER -> flow.generate().isPresent() ? slot : new Template.Literal("");
            };
      };
    }
  }
}
