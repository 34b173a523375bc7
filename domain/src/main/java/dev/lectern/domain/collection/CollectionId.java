package dev.lectern.domain.collection;

/** Value: a collection's id, chosen by the client (Zylon) or the server (RAGFlow); 1-255 chars. */
public record CollectionId(String value) {
  public static final int MAX_LENGTH = 255;

  public CollectionId {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("collection id must be 1-255 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
