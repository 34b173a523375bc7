package dev.lectern.application.fakes;

import dev.lectern.application.port.out.BlobStore;
import dev.lectern.domain.artifact.ContentHash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fake: blobs in a map. */
public final class InMemoryBlobStore implements BlobStore {
  private final Map<String, byte[]> blobs = new HashMap<>();

  @Override
  public synchronized ContentHash put(byte[] bytes) {
    ContentHash hash = ContentHash.of(bytes);
    blobs.putIfAbsent(hash.hex(), bytes.clone());
    return hash;
  }

  @Override
  public synchronized Optional<byte[]> get(ContentHash hash) {
    return Optional.ofNullable(blobs.get(hash.hex())).map(byte[]::clone);
  }

  @Override
  public Optional<java.io.InputStream> open(ContentHash hash) {
    return get(hash).map(java.io.ByteArrayInputStream::new);
  }

  @Override
  public synchronized Set<String> hashes() {
    return Set.copyOf(blobs.keySet());
  }

  @Override
  public synchronized void delete(ContentHash hash) {
    blobs.remove(hash.hex());
  }
}
