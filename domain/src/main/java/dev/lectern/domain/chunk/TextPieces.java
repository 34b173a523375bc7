package dev.lectern.domain.chunk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Policy: how RAGFlow's chunk methods see a document's text: pieces cut after delimiters, rows of
 * markdown tables, and question/answer pairs.
 */
public final class TextPieces {
  private TextPieces() {}

  /** A question and its answer. */
  public record QaPair(String question, String answer) {
    /** The chunk text RAGFlow stores for a pair. */
    public String text() {
      return "Question: " + question + "\tAnswer: " + answer;
    }
  }

  /**
   * Cuts {@code text} after every delimiter, keeping the delimiter with the piece before it. Each
   * character of {@code spec} is a delimiter, except text between backticks, which is one
   * multi-character delimiter. Blank pieces are dropped.
   */
  public static List<String> split(String text, String spec) {
    Set<String> delimiters = delimiters(spec);
    // Single characters are looked up; longer delimiters are tried longest first, so the
    // longest one that matches wins.
    Set<Character> singles = new HashSet<>();
    List<String> longer = new ArrayList<>();
    for (String delimiter : delimiters) {
      if (delimiter.length() == 1) {
        singles.add(delimiter.charAt(0));
      } else {
        longer.add(delimiter);
      }
    }
    longer.sort(Comparator.comparingInt(String::length).reversed());
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      int hit = 0;
      for (String delimiter : longer) {
        if (text.startsWith(delimiter, i)) {
          hit = delimiter.length();
          break;
        }
      }
      if (hit == 0 && singles.contains(text.charAt(i))) {
        hit = 1;
      }
      if (hit == 0) {
        i++;
        continue;
      }
      i += hit;
      add(pieces, text.substring(start, i));
      start = i;
    }
    add(pieces, text.substring(start));
    return pieces;
  }

  static Set<String> delimiters(String spec) {
    Set<String> delimiters = new LinkedHashSet<>();
    String unescaped = spec.replace("\\n", "\n").replace("\\t", "\t");
    for (int i = 0; i < unescaped.length(); i++) {
      char c = unescaped.charAt(i);
      int close = c == '`' ? unescaped.indexOf('`', i + 1) : -1;
      if (close > i + 1) {
        delimiters.add(unescaped.substring(i + 1, close));
        i = close;
      } else {
        delimiters.add(String.valueOf(c));
      }
    }
    if (delimiters.isEmpty()) {
      delimiters.add("\n");
    }
    return delimiters;
  }

  private static void add(List<String> pieces, String piece) {
    if (!piece.isBlank()) {
      pieces.add(piece);
    }
  }

  /**
   * The markdown tables of a text, each as rows of cells; the separator line under a header is left
   * out, the header row is the first row.
   */
  public static List<List<List<String>>> tables(String text) {
    List<List<List<String>>> tables = new ArrayList<>();
    List<List<String>> current = null;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("|")) {
        current = null;
        continue;
      }
      if (current == null) {
        current = new ArrayList<>();
        tables.add(current);
      }
      List<String> cells = cells(trimmed);
      if (!cells.stream().allMatch(cell -> cell.matches(":?-{3,}:?"))) {
        current.add(cells);
      }
    }
    return tables;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString().strip());
    }
    return cells;
  }

  /** One line per row of every table: {@code header: value; header: value}. */
  public static List<String> tableRows(String text) {
    List<String> rows = new ArrayList<>();
    for (List<List<String>> table : tables(text)) {
      if (table.size() < 2) {
        continue;
      }
      List<String> header = table.get(0);
      for (List<String> row : table.subList(1, table.size())) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          String name =
              i < header.size() && !header.get(i).isEmpty() ? header.get(i) : "column " + (i + 1);
          parts.add(name + ": " + row.get(i));
        }
        rows.add(String.join("; ", parts));
      }
    }
    return rows;
  }

  /**
   * Question/answer pairs: the first two cells of every table row (a header row named question and
   * answer is skipped), or else {@code Q:}/{@code A:} (or {@code Question:}/{@code Answer:}) lines,
   * an answer running until the next question.
   */
  public static List<QaPair> qaPairs(String text) {
    List<QaPair> pairs = new ArrayList<>();
    for (List<List<String>> table : tables(text)) {
      for (List<String> row : table) {
        if (row.size() >= 2
            && !row.get(0).isBlank()
            && !(row.get(0).equalsIgnoreCase("question")
                && row.get(1).equalsIgnoreCase("answer"))) {
          pairs.add(new QaPair(row.get(0), row.get(1)));
        }
      }
    }
    if (!pairs.isEmpty()) {
      return pairs;
    }
    String question = null;
    StringBuilder answer = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      String q = after(trimmed, "Q:", "Question:");
      String a = after(trimmed, "A:", "Answer:");
      if (q != null) {
        flush(pairs, question, answer);
        question = q;
        answer.setLength(0);
      } else if (a != null && question != null) {
        answer.append(answer.isEmpty() ? "" : "\n").append(a);
      } else if (question != null && !answer.isEmpty() && !trimmed.isEmpty()) {
        answer.append('\n').append(trimmed);
      }
    }
    flush(pairs, question, answer);
    return pairs;
  }

  private static String after(String line, String... prefixes) {
    for (String prefix : prefixes) {
      if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return line.substring(prefix.length()).strip();
      }
    }
    return null;
  }

  private static void flush(List<QaPair> pairs, String question, StringBuilder answer) {
    if (question != null && !question.isEmpty() && !answer.isEmpty()) {
      pairs.add(new QaPair(question, answer.toString().strip()));
    }
  }
}
