package dev.lectern.adapters.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.contract.AbstractBlobStoreContractTest;
import dev.lectern.application.port.out.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends AbstractBlobStoreContractTest {
  @TempDir Path dir;

  @Override
  protected BlobStore createStore() {
    return new FileBlobStore(dir.resolve("blobs"));
  }

  @Test
  void strayTemporaryFilesAreRemovedAndNeverListed() throws Exception {
    Files.writeString(dir.resolve("blobs/tmp/crashed.part"), "half");
    assertThat(blobs.hashes()).isEmpty();
    ((FileBlobStore) blobs).removeTemporaryFiles();
    assertThat(dir.resolve("blobs/tmp")).isEmptyDirectory();
  }
}
