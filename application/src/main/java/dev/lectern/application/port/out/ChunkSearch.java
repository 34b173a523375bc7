package dev.lectern.application.port.out;

import java.util.List;

/**
 * Port: the result of one search, read from one point-in-time view of the index. Matches are cheap;
 * a chunk's text (and highlight) is read only when {@link #hit} asks for it, which keeps large
 * candidate lists (RAGFlow's {@code top_k} of 1024) fast. Close it to release the view.
 */
public interface ChunkSearch extends AutoCloseable {
  /** The best matching available chunks, best first. */
  List<ChunkMatch> matches();

  /** The full hit of {@code matches().get(position)}. */
  ChunkHit hit(int position);

  @Override
  void close();
}
