package dev.lectern.domain.artifact;

/** Value: an artifact's stable id inside its collection; 1-255 chars. */
public record ArtifactId(String value) {
  public static final int MAX_LENGTH = 255;

  public ArtifactId {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("artifact id must be 1-255 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
