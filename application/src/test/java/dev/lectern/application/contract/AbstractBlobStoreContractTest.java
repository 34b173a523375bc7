package dev.lectern.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.BlobStore;
import dev.lectern.domain.artifact.ContentHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract: what every {@link BlobStore} must do. */
public abstract class AbstractBlobStoreContractTest {
  protected BlobStore blobs;

  protected abstract BlobStore createStore();

  @BeforeEach
  void setUp() {
    blobs = createStore();
  }

  @Test
  void storesUnderTheSha256OfTheBytes() {
    byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
    ContentHash hash = blobs.put(bytes);

    assertThat(hash.hex())
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(blobs.get(hash)).get().isEqualTo(bytes);
    assertThat(blobs.hashes()).containsExactly(hash.hex());
  }

  @Test
  void putIsIdempotentAndDeleteRemoves() {
    ContentHash first = blobs.put(new byte[] {1, 2, 3});
    ContentHash second = blobs.put(new byte[] {1, 2, 3});
    assertThat(second).isEqualTo(first);
    assertThat(blobs.hashes()).hasSize(1);

    blobs.delete(first);
    assertThat(blobs.get(first)).isEmpty();
    assertThat(blobs.hashes()).isEmpty();
  }

  @Test
  void emptyBlobIsStored() {
    ContentHash hash = blobs.put(new byte[0]);
    assertThat(blobs.get(hash)).get().isEqualTo(new byte[0]);
  }
}
