package dev.lectern.domain.artifact;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Value: one line of a document's parse log, in Lectern's own terms: what happened, how long it
 * took where that is told, and a detail. Stored as a tagged line ({@code [parsed 0.12 s] 3 pages})
 * that a dialect reads back to tell it in its own words.
 *
 * @param seconds how long the step took, for the steps that tell it (the line keeps hundredths);
 *     else 0
 * @param detail what the step says of itself; "" for nothing
 */
public record ParseNote(Kind kind, double seconds, String detail) {
  /** What the line tells. */
  public enum Kind {
    QUEUED(false),
    FETCHED(false),
    PARSED(true),
    CHUNKED(false),
    INDEXED(true),
    DONE(true),
    CANCELLED(false),
    RETRYING(false),
    FAILED(false);

    private final boolean timed;

    Kind(boolean timed) {
      this.timed = timed;
    }

    public boolean timed() {
      return timed;
    }
  }

  private static final Pattern LINE =
      Pattern.compile("\\[([a-z]+)(?: (\\d+(?:\\.\\d+)?) s)?](?: (.*))?", Pattern.DOTALL);

  public ParseNote {
    Objects.requireNonNull(kind, "kind");
    seconds = kind.timed ? seconds : 0;
    detail = detail == null ? "" : detail;
  }

  public static ParseNote queued() {
    return new ParseNote(Kind.QUEUED, 0, "");
  }

  public static ParseNote fetched(String detail) {
    return new ParseNote(Kind.FETCHED, 0, detail);
  }

  public static ParseNote parsed(Duration took, String detail) {
    return new ParseNote(Kind.PARSED, took.toMillis() / 1000.0, detail);
  }

  public static ParseNote chunked(String detail) {
    return new ParseNote(Kind.CHUNKED, 0, detail);
  }

  public static ParseNote indexed(Duration took) {
    return new ParseNote(Kind.INDEXED, took.toMillis() / 1000.0, "");
  }

  public static ParseNote done(double seconds) {
    return new ParseNote(Kind.DONE, seconds, "");
  }

  public static ParseNote cancelled() {
    return new ParseNote(Kind.CANCELLED, 0, "");
  }

  /** A failure: the last one ends the parse, an earlier one is retried. */
  public static ParseNote failed(String message, boolean last) {
    return new ParseNote(last ? Kind.FAILED : Kind.RETRYING, 0, message);
  }

  /** The note as the parse log stores it. */
  public String line() {
    StringBuilder line = new StringBuilder("[").append(kind.name().toLowerCase(Locale.ROOT));
    if (kind.timed) {
      line.append(String.format(Locale.ROOT, " %.2f s", seconds));
    }
    line.append(']');
    if (!detail.isEmpty()) {
      line.append(' ').append(detail);
    }
    return line.toString();
  }

  /** The note a stored line holds, or empty for a line that is not one (written before notes). */
  public static Optional<ParseNote> read(String line) {
    Matcher match = LINE.matcher(line);
    if (!match.matches()) {
      return Optional.empty();
    }
    Kind kind;
    try {
      kind = Kind.valueOf(match.group(1).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (kind.timed != (match.group(2) != null)) {
      return Optional.empty();
    }
    double seconds = kind.timed ? Double.parseDouble(match.group(2)) : 0;
    return Optional.of(new ParseNote(kind, seconds, match.group(3)));
  }
}
