package dev.lectern.adapters.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits markdown into sections at ATX headings (outside fenced code), each with the path of
 * headings above it. A heading with no body of its own is kept with the section that follows.
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
    StringBuilder body = new StringBuilder();
    List<String> bodyPath = List.of();
    boolean bodyHasContent = false;
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
      }
      Matcher heading = inFence ? null : HEADING.matcher(line);
      if (heading != null && heading.matches()) {
        if (bodyHasContent) {
          sections.add(new Section(bodyPath, body.toString().strip()));
          body.setLength(0);
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
      } else if (!line.isBlank()) {
        bodyHasContent = true;
      }
      body.append(line).append('\n');
    }
    if (bodyHasContent || !body.toString().isBlank()) {
      sections.add(new Section(bodyPath, body.toString().strip()));
    }
    return sections;
  }
}
