package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractChunkIndexContractTest;
import dev.lectern.application.port.out.ChunkIndex;

/** The contract runs against the fake too, so the fake stays honest. */
class InMemoryChunkIndexTest extends AbstractChunkIndexContractTest {
  @Override
  protected ChunkIndex createIndex() {
    return new InMemoryChunkIndex();
  }
}
