package dev.lectern.adapters.http.ragflow;

import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.domain.assistant.Assistant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's templates filled in for one question: {@code {sys.query}}, {@code {sys.user_id}},
 * {@code {sys.conversation_turns}}, {@code {env.name}}, {@code {begin@input}}, the Retrieval's
 * {@code {<id>@formalized_content}} (the passages) and the LLM's {@code {<id>@content}} (its
 * answer). What a template says becomes the {@link AnswerFrame} of the answer.
 */
final class RagflowAgentTemplates {
  /** A variable reference, as RAGFlow writes them. */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\{\\s*([A-Za-z0-9:]+@[A-Za-z0-9_.-]+|sys\\.[A-Za-z0-9_.]+|env\\.[A-Za-z0-9_.]+)\\s*}");

  /** The older Generate component's references: {@code {input}} and {@code {retrieval:0}}. */
  private static final Pattern GENERATE_INPUT =
      Pattern.compile("\\{([a-z]+[:@][a-z0-9_-]+|input)}");

  private static final String ANSWER = "\u0000answer\u0000";

  /** What the question brings: its text, who asks, which turn it is, the Begin inputs. */
  record Values(String query, String userId, int turns, Map<String, String> inputs) {}

  private RagflowAgentTemplates() {}

  /** How the agent answers this question: its Message template around (or without) the LLM. */
  static AnswerFrame frame(RagflowAgentDsl dsl, Values values) {
    List<String> contents = dsl.contents();
    String content = contents.get(ThreadLocalRandom.current().nextInt(contents.size()));
    String message = render(content, dsl, values, true);
    int answer = message.indexOf(ANSWER);
    if (dsl.llm().isEmpty() || answer < 0) {
      return AnswerFrame.fixed(message.replace(ANSWER, ""));
    }
    RagflowAgentDsl.Llm llm = dsl.llm().get();
    String system = render(llm.systemPrompt(), dsl, values, false);
    if (dsl.steps().contains(new RagflowAgentDsl.Step(llm.id(), "Generate"))) {
      system = generateInputs(system, dsl);
    }
    if (dsl.retrieval().isPresent() && !system.contains(Assistant.KNOWLEDGE)) {
      // The passages go where the prompt names them, else after it.
      system = system.isEmpty() ? Assistant.KNOWLEDGE : system + "\n\n" + Assistant.KNOWLEDGE;
    }
    String question = render(llm.userPrompt(), dsl, values, false).replace(Assistant.KNOWLEDGE, "");
    String knowledgeless = message.replace(Assistant.KNOWLEDGE, "");
    int at = knowledgeless.indexOf(ANSWER);
    return new AnswerFrame(
        system,
        question.equals(values.query()) ? null : question,
        knowledgeless.substring(0, at),
        knowledgeless.substring(at + ANSWER.length()).replace(ANSWER, ""),
        true,
        null);
  }

  /**
   * The system prompt an agent shows as its own: the passages marked, other variables as they are.
   */
  static String systemPrompt(RagflowAgentDsl dsl) {
    if (dsl.llm().isEmpty()) {
      return "";
    }
    String prompt = dsl.llm().get().systemPrompt();
    Matcher matcher = VARIABLE.matcher(prompt);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      boolean passages =
          dsl.retrieval().isPresent()
              && matcher.group(1).startsWith(dsl.retrieval().get().id() + "@");
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(passages ? Assistant.KNOWLEDGE : matcher.group()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String render(String template, RagflowAgentDsl dsl, Values values, boolean inMsg) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = value(matcher.group(1), dsl, values, inMsg);
      // A value from the request never passes for the answer's place.
      String safe = ANSWER.equals(value) ? value : value.replace("\u0000", "");
      matcher.appendReplacement(out, Matcher.quoteReplacement(safe));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String value(String name, RagflowAgentDsl dsl, Values values, boolean inMsg) {
    switch (name) {
      case "sys.query" -> {
        return values.query();
      }
      case "sys.user_id" -> {
        return values.userId() == null ? "" : values.userId();
      }
      case "sys.conversation_turns" -> {
        return Integer.toString(values.turns());
      }
      case "sys.files" -> {
        return "[]";
      }
      default -> {
        // Others below.
      }
    }
    if (name.startsWith("env.")) {
      return dsl.variables().getOrDefault(name.substring(4), "");
    }
    int at = name.indexOf('@');
    if (at < 0) {
      return "";
    }
    String component = name.substring(0, at);
    String output = name.substring(at + 1);
    if ("begin".equals(component)) {
      return values.inputs().getOrDefault(output, "");
    }
    if (dsl.retrieval().isPresent() && dsl.retrieval().get().id().equals(component)) {
      return Assistant.KNOWLEDGE;
    }
    if (inMsg
        && dsl.llm().isPresent()
        && dsl.llm().get().id().equals(component)
        && output.startsWith("content")) {
      return ANSWER;
    }
    return "";
  }

  /** The older Generate's {@code {input}} and {@code {retrieval:0}}: the passages. */
  private static String generateInputs(String system, RagflowAgentDsl dsl) {
    if (dsl.retrieval().isEmpty()) {
      return GENERATE_INPUT.matcher(system).replaceAll("");
    }
    return GENERATE_INPUT.matcher(system).replaceAll(Matcher.quoteReplacement(Assistant.KNOWLEDGE));
  }
}
