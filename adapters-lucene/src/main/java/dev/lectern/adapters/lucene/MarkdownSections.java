package dev.lectern.adapters.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits markdown into sections at ATX headings (outside fenced code), each with the path of
 * headings above it. A heading with no body of its own is kept with the section that follows. Lines
 * are found by index, so the text is copied once, into its sections.
 */
final class MarkdownSections {
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.+?)[ \\t#]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  record Section(List<String> headingPath, String text) {}

  private MarkdownSections() {}

  static List<Section> of(String markdown) {
    List<Section> sections = new ArrayList<>();
    List<String> path = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<String> bodyPath = List.of();
    int sectionStart = 0;
    boolean bodyHasContent = false;
    boolean inFence = false;
    int lineStart = 0;
    while (lineStart <= markdown.length()) {
      int newline = markdown.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? markdown.length() : newline;
      if (startsFence(markdown, lineStart, lineEnd)) {
        inFence = !inFence;
      }
      Matcher heading = inFence ? null : heading(markdown, lineStart, lineEnd);
      if (heading != null) {
        if (bodyHasContent) {
          sections.add(new Section(bodyPath, markdown.substring(sectionStart, lineStart).strip()));
          sectionStart = lineStart;
          bodyHasContent = false;
        }
        int level = heading.group(1).length();
        while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
          levels.remove(levels.size() - 1);
          path.remove(path.size() - 1);
        }
        levels.add(level);
        path.add(heading.group(2).strip());
        bodyPath = List.copyOf(path);
      } else if (!isBlank(markdown, lineStart, lineEnd)) {
        bodyHasContent = true;
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    String rest = markdown.substring(sectionStart);
    if (bodyHasContent || !rest.isBlank()) {
      sections.add(new Section(bodyPath, rest.strip()));
    }
    return sections;
  }

  /** The heading match of a line, if it is one; only lines that start like one are matched. */
  private static Matcher heading(String text, int start, int end) {
    int first = firstNonSpace(text, start, end);
    if (first < 0 || first - start > 3 || text.charAt(first) != '#') {
      return null;
    }
    Matcher matcher = HEADING.matcher(text.substring(start, end));
    return matcher.matches() ? matcher : null;
  }

  private static boolean startsFence(String text, int start, int end) {
    int first = firstNonSpace(text, start, end);
    if (first < 0 || first - start > 3) {
      return false;
    }
    char c = text.charAt(first);
    return (c == '`' || c == '~')
        && FENCE.matcher(text.substring(start, Math.min(end, first + 3))).find();
  }

  private static int firstNonSpace(String text, int start, int end) {
    for (int i = start; i < end && i - start <= 3; i++) {
      if (text.charAt(i) != ' ') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
