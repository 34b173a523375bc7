package dev.lectern.adapters.lucene;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the directory of an organization's index. Ids made of lowercase letters, digits, '-' and
 * '_' (every id Lectern generates) are used as they are; any other id is hex-encoded, under another
 * prefix, so that no two ids share a directory on any file system.
 */
final class OrgDirectories {
  private static final Pattern PLAIN = Pattern.compile("[a-z0-9_-]{1,100}");
  private static final String PLAIN_PREFIX = "o-";
  private static final String HEX_PREFIX = "h-";

  private OrgDirectories() {}

  static String name(String orgId) {
    if (PLAIN.matcher(orgId).matches()) {
      return PLAIN_PREFIX + orgId;
    }
    return HEX_PREFIX + HexFormat.of().formatHex(orgId.getBytes(StandardCharsets.UTF_8));
  }

  /** The organization whose directory this is, or empty for a name this class never gives. */
  static Optional<String> orgOf(String directoryName) {
    if (directoryName.startsWith(PLAIN_PREFIX)) {
      String id = directoryName.substring(PLAIN_PREFIX.length());
      return PLAIN.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
    if (directoryName.startsWith(HEX_PREFIX)) {
      try {
        byte[] bytes = HexFormat.of().parseHex(directoryName.substring(HEX_PREFIX.length()));
        return bytes.length == 0
            ? Optional.empty()
            : Optional.of(new String(bytes, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notHex) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
