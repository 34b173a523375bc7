package dev.lectern.adapters.documents;

import java.util.ArrayList;
import java.util.List;

/** Parser: CSV (RFC 4180 quoting) or TSV, rendered as a markdown table, one row a line. */
final class DelimitedParser implements FormatParser {
  private final char delimiter;

  DelimitedParser(char delimiter) {
    this.delimiter = delimiter;
  }

  @Override
  public String parse(byte[] bytes) {
    List<List<String>> rows = rows(TextParser.decode(bytes));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      out.append('|');
      for (String cell : rows.get(i)) {
        out.append(' ').append(cell.strip().replace('\n', ' ').replace("|", "\\|")).append(" |");
      }
      out.append('\n');
      if (i == 0) {
        out.append('|').append(" --- |".repeat(rows.get(0).size())).append('\n');
      }
    }
    return out.toString().strip();
  }

  List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty() && delimiter == ',') {
        quoted = true;
      } else if (c == delimiter) {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        addRow(rows, row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    row.add(cell.toString());
    addRow(rows, row);
    return rows;
  }

  private static void addRow(List<List<String>> rows, List<String> row) {
    if (!(row.size() == 1 && row.get(0).isBlank())) {
      rows.add(row);
    }
  }
}
