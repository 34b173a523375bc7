package dev.lectern.adapters.http.ragflow;

import dev.lectern.domain.flow.FlowRenderer;
import dev.lectern.domain.flow.FlowTooLarge;
import dev.lectern.domain.flow.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's template text read into a flow's template: {@code {sys.query}}, {@code {sys.user_id}},
 * {@code {sys.conversation_turns}}, {@code {sys.files}}, {@code {env.name}}, {@code {begin@input}},
 * the Retrieval's {@code {<id>@formalized_content}} (the passages) and the LLM's {@code
 * {<id>@content}} (its answer); any other reference shows nothing.
 */
final class RagflowAgentTemplates {
  /** A variable reference, as RAGFlow writes them. */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\{\\s*([A-Za-z0-9:]+@[A-Za-z0-9_.-]+|sys\\.[A-Za-z0-9_.]+|env\\.[A-Za-z0-9_.]+)\\s*}");

  /** A reference, or the older Generate component's {@code {input}} and {@code {retrieval:0}}. */
  private static final Pattern WITH_GENERATE_INPUT =
      Pattern.compile(VARIABLE.pattern() + "|\\{(input|[a-z]+:[a-z0-9_-]+)}");

  /** The ids of the agent's Retrieval and LLM components, null for those it does not have. */
  record Ids(String retrieval, String llm) {}

  private RagflowAgentTemplates() {}

  /**
   * The template {@code text} writes; {@code older} reads the older Generate component's system
   * prompt, where {@code {input}} shows the passages.
   */
  static Template parse(String text, Ids ids, boolean older) {
    List<Template.Part> parts = new ArrayList<>();
    Matcher matcher = (older ? WITH_GENERATE_INPUT : VARIABLE).matcher(text);
    int at = 0;
    while (matcher.find()) {
      literal(parts, text.substring(at, matcher.start()));
      parts.add(
          matcher.group(1) != null
              ? reference(matcher.group(1), ids)
              : ids.retrieval() != null ? Template.Slot.PASSAGES : new Template.Literal(""));
      at = matcher.end();
    }
    literal(parts, text.substring(at));
    return new Template(parts);
  }

  /** RAGFlow's code-102 message for a template that grew past a limit once filled in. */
  static String tooLarge(FlowTooLarge failure) {
    String what =
        switch (failure.place()) {
          case MESSAGE -> "Message";
          case INSTRUCTIONS -> "LLM system prompt";
          case QUESTION -> "LLM user prompt";
        };
    return switch (failure.limit()) {
      case LENGTH ->
          "The agent's "
              + what
              + " is longer than "
              + FlowRenderer.MAX_RENDERED
              + " characters filled in.";
      case PASSAGE_PLACES ->
          "The agent's "
              + what
              + " shows the retrieved passages more than "
              + FlowRenderer.MAX_PASSAGE_PLACES
              + " times.";
    };
  }

  private static void literal(List<Template.Part> parts, String text) {
    if (!text.isEmpty()) {
      parts.add(new Template.Literal(text));
    }
  }

  private static Template.Part reference(String name, Ids ids) {
    switch (name) {
      case "sys.query" -> {
        return Template.Slot.QUESTION;
      }
      case "sys.user_id" -> {
        return Template.Slot.ASKER;
      }
      case "sys.conversation_turns" -> {
        return Template.Slot.TURN;
      }
      case "sys.files" -> {
        return Template.Slot.FILES;
      }
      default -> {
        // Others below.
      }
    }
    if (name.startsWith("env.")) {
      return new Template.Variable(name.substring(4));
    }
    int at = name.indexOf('@');
    if (at < 0) {
      return new Template.Literal("");
    }
    String component = name.substring(0, at);
    String output = name.substring(at + 1);
    if ("begin".equals(component)) {
      return new Template.Input(output);
    }
    if (component.equals(ids.retrieval())) {
      return Template.Slot.PASSAGES;
    }
    if (component.equals(ids.llm()) && output.startsWith("content")) {
      return Template.Slot.ANSWER;
    }
    return new Template.Literal("");
  }
}
