package dev.lectern.domain.artifact;

/**
 * Policy: what a document's file name may hold. Names are data (blobs are stored by hash), but they
 * travel in headers, logs and database columns, so control characters are refused.
 */
public final class FileNames {
  private FileNames() {}

  public static boolean hasControlCharacters(String name) {
    return name.chars().anyMatch(Character::isISOControl);
  }
}
