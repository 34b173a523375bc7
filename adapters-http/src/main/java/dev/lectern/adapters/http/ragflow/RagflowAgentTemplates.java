package dev.lectern.adapters.http.ragflow;

import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.KnowledgeText;
import dev.lectern.domain.conversation.PassageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's templates filled in for one question: {@code {sys.query}}, {@code {sys.user_id}},
 * {@code {sys.conversation_turns}}, {@code {env.name}}, {@code {begin@input}}, the Retrieval's
 * {@code {<id>@formalized_content}} (the passages) and the LLM's {@code {<id>@content}} (its
 * answer). Where the passages and the answer go is decided by the template's own references, never
 * by the values put in: a question cannot open a place for either.
 */
final class RagflowAgentTemplates {
  /** A variable reference, as RAGFlow writes them. */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\{\\s*([A-Za-z0-9:]+@[A-Za-z0-9_.-]+|sys\\.[A-Za-z0-9_.]+|env\\.[A-Za-z0-9_.]+)\\s*}");

  /** A reference, or the older Generate component's {@code {input}} and {@code {retrieval:0}}. */
  private static final Pattern WITH_GENERATE_INPUT =
      Pattern.compile(VARIABLE.pattern() + "|\\{(input|[a-z]+:[a-z0-9_-]+)}");

  /** The longest a template may grow once filled in. */
  static final int MAX_RENDERED = 100_000;

  /**
   * How often one text may show the passages: each place holds all of them (up to {@link
   * KnowledgeText#MAX_CHARS}), so an answer stays within what a message holds.
   */
  static final int MAX_PASSAGE_PLACES = 8;

  /** What the question brings: its text, who asks, which turn it is, the Begin inputs. */
  record Values(String query, String userId, int turns, Map<String, String> inputs) {}

  /** A template filled in: text, and where the passages and the model's answer go. */
  private sealed interface Part {}

  private record Text(String text) implements Part {}

  private record Passages() implements Part {}

  private record ModelAnswer() implements Part {}

  private RagflowAgentTemplates() {}

  /** How the agent answers this question: its Message template around (or without) the LLM. */
  static AnswerFrame frame(RagflowAgentDsl dsl, Values values) {
    List<String> contents = dsl.contents();
    String content = contents.get(ThreadLocalRandom.current().nextInt(contents.size()));
    List<Part> message = render(content, dsl, values, VARIABLE, "Message");
    int answer = message.indexOf(new ModelAnswer());
    if (dsl.llm().isEmpty() || answer < 0) {
      return AnswerFrame.fixed(text(message));
    }
    RagflowAgentDsl.Llm llm = dsl.llm().get();
    List<Part> question = render(llm.userPrompt(), dsl, values, VARIABLE, "LLM user prompt");
    List<Part> system = system(dsl, values, question.contains(new Passages()));
    PassageText asked = text(question);
    boolean plain = !asked.showsPassages() && asked.with("").equals(values.query());
    return new AnswerFrame(
        text(system),
        plain ? null : asked,
        text(message.subList(0, answer)),
        text(message.subList(answer + 1, message.size())),
        AnswerFrame.Mode.MODEL,
        null);
  }

  /**
   * The LLM's system prompt filled in; the passages go where it names them, else after it unless
   * the user prompt has them.
   */
  private static List<Part> system(RagflowAgentDsl dsl, Values values, boolean inQuestion) {
    RagflowAgentDsl.Llm llm = dsl.llm().orElseThrow();
    boolean generate =
        dsl.steps().stream()
            .anyMatch(step -> step.id().equals(llm.id()) && step.name().equals("Generate"));
    List<Part> system =
        render(
            llm.systemPrompt(),
            dsl,
            values,
            generate ? WITH_GENERATE_INPUT : VARIABLE,
            "LLM system prompt");
    if (dsl.retrieval().isPresent() && !inQuestion && !system.contains(new Passages())) {
      if (!text(system).isEmpty()) {
        system.add(new Text("\n\n"));
      }
      system.add(new Passages());
    }
    return system;
  }

  /**
   * The system prompt an agent keeps as its own, for the dialects that answer with it: the values
   * of a question left empty, the passages marked with {@value Assistant#KNOWLEDGE}.
   */
  static String systemPrompt(RagflowAgentDsl dsl) {
    if (dsl.llm().isEmpty()) {
      return "";
    }
    Values none = new Values("", "", 0, dsl.inputs());
    return text(system(dsl, none, false)).with(Assistant.KNOWLEDGE);
  }

  /** The parts as a text whose places are where the passages were; the answer's places go. */
  private static PassageText text(List<Part> parts) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Text text -> piece.append(text.text());
        case Passages passages -> {
          pieces.add(piece.toString());
          piece.setLength(0);
        }
        case ModelAnswer answer -> {
          // Only the Message's first reference to the answer is where it goes.
        }
      }
    }
    pieces.add(piece.toString());
    return new PassageText(pieces);
  }

  private static List<Part> render(
      String template, RagflowAgentDsl dsl, Values values, Pattern references, String what) {
    List<Part> parts = new ArrayList<>();
    Matcher matcher = references.matcher(template);
    int at = 0;
    long length = 0;
    int places = 0;
    while (matcher.find()) {
      parts.add(new Text(template.substring(at, matcher.start())));
      Part part =
          matcher.group(1) != null
              ? value(matcher.group(1), dsl, values)
              : dsl.retrieval().isPresent() ? new Passages() : new Text("");
      parts.add(part);
      length += matcher.start() - at + (part instanceof Text text ? text.text().length() : 0);
      // The passages go in each of their places, each time as long as they may come to.
      places += part instanceof Passages ? 1 : 0;
      if (places > MAX_PASSAGE_PLACES) {
        throw RagflowFailure.data(
            "The agent's "
                + what
                + " shows the retrieved passages more than "
                + MAX_PASSAGE_PLACES
                + " times.");
      }
      if (length > MAX_RENDERED) {
        throw RagflowFailure.data(
            "The agent's " + what + " is longer than " + MAX_RENDERED + " characters filled in.");
      }
      at = matcher.end();
    }
    parts.add(new Text(template.substring(at)));
    return parts;
  }

  private static Part value(String name, RagflowAgentDsl dsl, Values values) {
    switch (name) {
      case "sys.query" -> {
        return new Text(values.query());
      }
      case "sys.user_id" -> {
        return new Text(values.userId() == null ? "" : values.userId());
      }
      case "sys.conversation_turns" -> {
        return new Text(Integer.toString(values.turns()));
      }
      case "sys.files" -> {
        return new Text("[]");
      }
      default -> {
        // Others below.
      }
    }
    if (name.startsWith("env.")) {
      return new Text(dsl.variables().getOrDefault(name.substring(4), ""));
    }
    int at = name.indexOf('@');
    if (at < 0) {
      return new Text("");
    }
    String component = name.substring(0, at);
    String output = name.substring(at + 1);
    if ("begin".equals(component)) {
      return new Text(values.inputs().getOrDefault(output, ""));
    }
    if (dsl.retrieval().isPresent() && dsl.retrieval().get().id().equals(component)) {
      return new Passages();
    }
    if (dsl.llm().isPresent()
        && dsl.llm().get().id().equals(component)
        && output.startsWith("content")) {
      return new ModelAnswer();
    }
    return new Text("");
  }
}
