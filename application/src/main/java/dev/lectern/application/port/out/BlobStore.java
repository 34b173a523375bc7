package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ContentHash;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/** Port: content-addressed storage of original files and extracted text. */
public interface BlobStore {
  /** Stores the bytes durably under their hash; storing the same bytes twice is a no-op. */
  ContentHash put(byte[] bytes);

  Optional<byte[]> get(ContentHash hash);

  /** The blob as a stream, for reading it without holding it in memory; close it when done. */
  Optional<InputStream> open(ContentHash hash);

  Set<String> hashes();

  void delete(ContentHash hash);
}
