package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractBlobStoreContractTest;
import dev.lectern.application.port.out.BlobStore;

/** The contract runs against the fake too, so the fake stays honest. */
class InMemoryBlobStoreTest extends AbstractBlobStoreContractTest {
  @Override
  protected BlobStore createStore() {
    return new InMemoryBlobStore();
  }
}
