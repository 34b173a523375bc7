package dev.lectern.domain.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Value: SHA-256 of some bytes, lowercase hex; the address of a blob. */
public record ContentHash(String hex) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ContentHash {
    if (hex == null || !HEX64.matcher(hex).matches()) {
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

  @Override
  public String toString() {
    return hex;
  }
}
