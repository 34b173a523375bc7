package dev.lectern.bootstrap.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A section of the README as steps: the {@code sh} blocks between its markers ({@code <!--
 * walk-through -->} and {@code <!-- /walk-through -->}, or the quick start's), each cut into
 * commands and the output shown under them as {@code # } lines. Output lines are matched as a
 * pattern: {@code …} stands for any text, and line breaks with the spaces around them are ignored
 * on both sides.
 */
final class ReadmeWalkThrough {
  static final String WALK_THROUGH = "walk-through";
  static final String QUICK_START = "quick-start";

  /** A command (one or more lines of shell) and the output the README shows, if any. */
  record Step(int line, String code, String shown) {
    boolean checksOutput() {
      return shown != null;
    }

    /** Whether the command's output has the shape the README shows. */
    boolean matches(String output) {
      return pattern().matcher(flatten(output)).matches();
    }

    Pattern pattern() {
      StringBuilder regex = new StringBuilder();
      String[] literal = flatten(shown).split("…", -1);
      for (int i = 0; i < literal.length; i++) {
        if (i > 0) {
          regex.append(".*?");
        }
        if (!literal[i].isEmpty()) {
          regex.append(Pattern.quote(literal[i]));
        }
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }

  private ReadmeWalkThrough() {}

  /** Lines joined without their breaks and the spaces around them. */
  static String flatten(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", "");
  }

  static List<Step> steps(String readme) {
    return steps(readme, WALK_THROUGH);
  }

  static List<Step> steps(String readme, String section) {
    String startMarker = "<!-- " + section + " -->";
    String endMarker = "<!-- /" + section + " -->";
    int start = readme.indexOf(startMarker);
    int end = readme.indexOf(endMarker);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "the README has no " + startMarker + " … " + endMarker + " section");
    }
    int firstLine = (int) readme.substring(0, start).lines().count();
    List<String> lines = readme.substring(start, end).lines().toList();
    List<Step> steps = new ArrayList<>();
    boolean inShell = false;
    boolean inOther = false;
    StringBuilder code = new StringBuilder();
    StringBuilder shown = null;
    int stepLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!inShell && !inOther) {
        if (line.strip().equals("```sh")) {
          inShell = true;
        } else if (line.strip().startsWith("```")) {
          inOther = true;
        }
        continue;
      }
      if (line.strip().equals("```")) {
        if (inShell) {
          add(steps, stepLine, code, shown);
          code.setLength(0);
          shown = null;
        }
        inShell = false;
        inOther = false;
        continue;
      }
      if (inOther) {
        continue;
      }
      boolean comment = line.startsWith("# ") || line.equals("#");
      if (comment && !code.isEmpty()) {
        shown = shown == null ? new StringBuilder() : shown.append('\n');
        shown.append(line.length() > 2 ? line.substring(2) : "");
      } else if (!comment) {
        if (shown != null) {
          add(steps, stepLine, code, shown);
          code.setLength(0);
          shown = null;
        }
        if (code.isEmpty()) {
          stepLine = firstLine + i + 1;
        }
        code.append(line).append('\n');
      }
    }
    return steps;
  }

  private static void add(List<Step> steps, int line, StringBuilder code, StringBuilder shown) {
    if (!code.toString().isBlank()) {
      steps.add(new Step(line, code.toString(), shown == null ? null : shown.toString()));
    }
  }
}
