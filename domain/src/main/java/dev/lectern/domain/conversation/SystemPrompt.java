package dev.lectern.domain.conversation;

import java.util.List;

/**
 * Policy: the one way a system prompt is put together with the passages retrieved for an answer.
 * The prompt's text has places for the passages (an assistant's {@code {knowledge}}, an agent's
 * template); or, for a client's own prompt, the passages follow it after an introduction, when
 * there are any; then come the client's instructions, after a blank line.
 *
 * @param text the prompt with places for the passages; null for none
 * @param passagesIntro the words that introduce passages appended after the text, or null when the
 *     passages go only where the text places them
 * @param instructions the client's own, after the rest; empty for none
 */
public record SystemPrompt(PassageText text, String passagesIntro, String instructions) {
  public SystemPrompt {
    instructions = instructions == null ? "" : instructions;
  }

  /** A plain prompt (null for none) that shows no passages. */
  public static SystemPrompt plain(String text) {
    return new SystemPrompt(text == null ? null : PassageText.of(text), null, "");
  }

  /** Whether the rendered prompt holds {@code passages} (a model that reads it reads them). */
  public boolean shows(List<Reference> passages) {
    return !passages.isEmpty() && (passagesIntro != null || text != null && text.showsPassages());
  }

  /** The prompt with {@code passages}, numbered as answers cite them; null when there is none. */
  public String render(List<Reference> passages) {
    String formatted = KnowledgeText.format(passages);
    String prompt = text == null ? null : text.with(formatted);
    if (passagesIntro != null && !passages.isEmpty()) {
      String appended = passagesIntro + "\n\n" + formatted;
      prompt = prompt == null || prompt.isBlank() ? appended : prompt + "\n\n" + appended;
    }
    if (!instructions.isEmpty()) {
      prompt = prompt == null || prompt.isEmpty() ? instructions : prompt + "\n\n" + instructions;
    }
    return prompt;
  }
}
