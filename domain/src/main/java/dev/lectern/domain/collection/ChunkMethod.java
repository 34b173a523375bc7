package dev.lectern.domain.collection;

import java.util.Locale;
import java.util.Optional;

/**
 * Value: how a collection's documents are split into chunks. {@link #NAIVE} cuts after delimiters
 * and packs pieces up to the token budget; {@link #ONE} keeps a document whole; {@link #QA} makes a
 * chunk of each question and answer; {@link #TABLE} one of each table row with its headers; the
 * document-shaped ones ({@link #MANUAL}, {@link #BOOK}, {@link #LAWS}, {@link #PAPER}) split along
 * headings first. The others chunk as {@link #NAIVE} does.
 */
public enum ChunkMethod {
  NAIVE,
  BOOK,
  EMAIL,
  LAWS,
  MANUAL,
  ONE,
  PAPER,
  PICTURE,
  PRESENTATION,
  QA,
  TABLE,
  TAG,
  KNOWLEDGE_GRAPH;

  /** The name clients and the store use. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChunkMethod> fromCode(String code) {
    for (ChunkMethod method : values()) {
      if (method.code().equals(code)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  /** Whether documents are split along their headings before they are packed. */
  public boolean byHeadings() {
    return this == MANUAL || this == BOOK || this == LAWS || this == PAPER;
  }
}
