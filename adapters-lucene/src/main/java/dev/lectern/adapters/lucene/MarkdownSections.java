package dev.lectern.adapters.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits markdown into sections at ATX headings (outside fenced code), each with the path of
 * headings above it. A heading with no body of its own is kept with the section that follows. Lines
 * are found by index, so the text is copied once, into its sections.
 */
final class MarkdownSections {
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
      Heading heading = inFence ? null : heading(markdown, lineStart, lineEnd);
      if (heading != null) {
        if (bodyHasContent) {
          sections.add(new Section(bodyPath, markdown.substring(sectionStart, lineStart).strip()));
          sectionStart = lineStart;
          bodyHasContent = false;
        }
        int level = heading.level();
        while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
          levels.remove(levels.size() - 1);
          path.remove(path.size() - 1);
        }
        levels.add(level);
        path.add(heading.title());
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

  /** An ATX heading: its level and its title. */
  private record Heading(int level, String title) {}

  /**
   * The heading a line is, read by hand in one pass (a pattern for it backtracks over long runs of
   * spaces): up to three spaces, one to six {@code #}, a space or tab, the title, and any closing
   * run of spaces, tabs and {@code #} dropped.
   */
  private static Heading heading(String text, int start, int end) {
    int first = firstNonSpace(text, start, end);
    if (first < 0 || first - start > 3 || text.charAt(first) != '#') {
      return null;
    }
    int hashes = first;
    while (hashes < end && text.charAt(hashes) == '#') {
      hashes++;
    }
    int level = hashes - first;
    if (level > 6 || hashes >= end || (text.charAt(hashes) != ' ' && text.charAt(hashes) != '\t')) {
      return null;
    }
    int titleStart = hashes;
    while (titleStart < end && isBlankChar(text.charAt(titleStart))) {
      titleStart++;
    }
    int titleEnd = end;
    while (titleEnd > titleStart && isClosing(text.charAt(titleEnd - 1))) {
      titleEnd--;
    }
    if (titleStart >= end) {
      return null;
    }
    if (titleEnd <= titleStart) {
      // Only closing characters: like the CommonMark-ish pattern before, the first one is the
      // title.
      titleEnd = titleStart + 1;
    }
    return new Heading(level, text.substring(titleStart, titleEnd).strip());
  }

  private static boolean isBlankChar(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isClosing(char c) {
    return c == ' ' || c == '\t' || c == '#' || c == '\r';
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
