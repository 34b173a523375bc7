package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractArtifactStoreContractTest;
import dev.lectern.application.port.out.ArtifactStore;

/** The contract runs against the fake too, so the fake stays honest. */
class InMemoryArtifactStoreTest extends AbstractArtifactStoreContractTest {
  @Override
  protected ArtifactStore createStore() {
    return new InMemoryArtifactStore();
  }
}
