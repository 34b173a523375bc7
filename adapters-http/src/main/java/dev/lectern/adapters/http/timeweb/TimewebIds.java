package dev.lectern.adapters.http.timeweb;

import java.util.Locale;
import java.util.regex.Pattern;

/** Lectern's 32-hex message ids as the UUIDs Timeweb hands out, and back. */
final class TimewebIds {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private TimewebIds() {}

  static String uuid(String id) {
    if (id == null || !HEX32.matcher(id).matches()) {
      return id;
    }
    return id.substring(0, 8)
        + "-"
        + id.substring(8, 12)
        + "-"
        + id.substring(12, 16)
        + "-"
        + id.substring(16, 20)
        + "-"
        + id.substring(20);
  }

  /**
   * The stored id a client's UUID (or the bare 32 hex digits) stands for, in either case: one
   * canonical form, lower-case hex without dashes. Anything else is returned as it is (and names
   * nothing).
   */
  static String internal(String given) {
    String id = given.strip();
    if (UUID.matcher(id).matches()) {
      return id.replace("-", "").toLowerCase(Locale.ROOT);
    }
    String lower = id.toLowerCase(Locale.ROOT);
    return HEX32.matcher(lower).matches() ? lower : id;
  }

  /** Whether an id is in a form Lectern's ids take at all (as a UUID or as 32 hex digits). */
  static boolean wellFormed(String given) {
    return HEX32.matcher(internal(given)).matches();
  }
}
