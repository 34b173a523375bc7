package dev.lectern.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of one run: printed as one table, written as JSON. */
final class Report {
  /**
   * One measured figure.
   *
   * @param lectern the figure through Lectern's HTTP API (or of the Lectern process)
   * @param raw the same figure for raw Lucene in the same run; null where there is none
   * @param target what the figure must reach, in words; empty where there is no target
   * @param met whether it reached it; null where there is no target
   */
  record Row(
      String group,
      String metric,
      String unit,
      double lectern,
      Double raw,
      String target,
      Boolean met) {
    /** Lectern's figure over raw Lucene's; null without a raw figure. */
    Double ratio() {
      return raw == null || raw == 0 ? null : lectern / raw;
    }
  }

  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void parameter(String name, Object value) {
    parameters.put(name, value);
  }

  void add(String group, String metric, String unit, double lectern, Double raw) {
    rows.add(new Row(group, metric, unit, lectern, raw, "", null));
  }

  void add(
      String group,
      String metric,
      String unit,
      double lectern,
      Double raw,
      String target,
      boolean met) {
    rows.add(new Row(group, metric, unit, lectern, raw, target, met));
  }

  void note(String text) {
    notes.add(text);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  void print(PrintStream out) {
    String format = "%-12s %-38s %12s %12s %8s  %-7s %-16s %s%n";
    out.printf(
        Locale.ROOT,
        format,
        "group",
        "metric",
        "lectern",
        "raw lucene",
        "ratio",
        "unit",
        "target",
        "");
    out.println("-".repeat(118));
    for (Row row : rows) {
      Double ratio = row.ratio();
      out.printf(
          Locale.ROOT,
          format,
          row.group(),
          row.metric(),
          number(row.lectern()),
          row.raw() == null ? "" : number(row.raw()),
          ratio == null ? "" : String.format(Locale.ROOT, "%.3f", ratio),
          row.unit(),
          row.target(),
          row.met() == null ? "" : row.met() ? "met" : "MISSED");
    }
    for (String note : notes) {
      out.println("note: " + note);
    }
  }

  void write(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("parameters", parameters);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("group", row.group());
      item.put("metric", row.metric());
      item.put("unit", row.unit());
      item.put("lectern", row.lectern());
      item.put("raw_lucene", row.raw());
      item.put("ratio", row.ratio());
      item.put("target", row.target().isEmpty() ? null : row.target());
      item.put("met", row.met());
      list.add(item);
    }
    json.put("rows", list);
    json.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e12) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%.1f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
