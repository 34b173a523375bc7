package dev.lectern.adapters.http.ragflow;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** RAGFlow's ids: {@code uuid1().hex}, 32 lowercase hex characters of a time-based UUID. */
final class RagflowIds {
  /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long NODE = (RANDOM.nextLong() & 0xFFFFFFFFFFFFL) | 0x010000000000L;
  private static final AtomicLong LAST = new AtomicLong();

  private RagflowIds() {}

  static String next() {
    long now = System.currentTimeMillis() * 10_000 + UUID_EPOCH_OFFSET;
    long time = LAST.updateAndGet(last -> Math.max(last + 1, now));
    long high =
        ((time & 0xFFFFFFFFL) << 32)
            | (((time >>> 32) & 0xFFFFL) << 16)
            | 0x1000L
            | ((time >>> 48) & 0x0FFFL);
    long clockSeq = (RANDOM.nextInt(0x4000) | 0x8000L) << 48;
    UUID uuid = new UUID(high, clockSeq | NODE);
    return uuid.toString().replace("-", "");
  }

  /** Whether {@code text} parses as a version-1 UUID (with or without hyphens, as Python's). */
  static boolean isUuid1(String text) {
    String hex = text.strip().replace("-", "").replace("{", "").replace("}", "");
    if (hex.startsWith("urn:uuid:")) {
      hex = hex.substring(9);
    }
    if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return false;
    }
    return Character.digit(hex.charAt(12), 16) == 1;
  }
}
