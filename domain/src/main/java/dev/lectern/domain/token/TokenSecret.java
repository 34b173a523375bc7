package dev.lectern.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Value: a bearer secret, and the one-way hash under which it is stored. Tokens are looked up by
 * this hash, so how long a lookup takes depends only on the digest, never on the secret itself.
 */
public final class TokenSecret {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "lct_";

  private TokenSecret() {}

  /** A new secret: 32 random bytes, URL-safe, with a recognisable prefix. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of the secret, lowercase hex. */
  public static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
