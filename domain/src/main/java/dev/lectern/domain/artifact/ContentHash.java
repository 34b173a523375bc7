package dev.lectern.domain.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Value: SHA-256 of some bytes, lowercase hex; the address of a blob. */
public record ContentHash(String hex) {
  public ContentHash {
    if (!isLowerHex64(hex)) {
      throw new IllegalArgumentException("content hash must be 64 lowercase hex characters");
    }
  }

  public static ContentHash of(byte[] bytes) {
    try {
      return new ContentHash(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static boolean isLowerHex64(String hex) {
    if (hex == null || hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return hex;
  }
}
