package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractAccessStoresContractTest;
import dev.lectern.application.contract.AbstractArtifactStoreContractTest;
import dev.lectern.application.contract.AbstractBlobStoreContractTest;
import dev.lectern.application.contract.AbstractChunkIndexContractTest;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import org.junit.jupiter.api.Nested;

/** The contract tests run against the in-memory fakes, so the fakes stay honest. */
class InMemoryStoresContractTest {
  @Nested
  class Artifacts extends AbstractArtifactStoreContractTest {
    @Override
    protected ArtifactStore createStore() {
      return new InMemoryArtifactStore();
    }
  }

  @Nested
  class Chunks extends AbstractChunkIndexContractTest {
    @Override
    protected ChunkIndex createIndex() {
      return new InMemoryChunkIndex();
    }
  }

  @Nested
  class Blobs extends AbstractBlobStoreContractTest {
    @Override
    protected BlobStore createStore() {
      return new InMemoryBlobStore();
    }
  }

  @Nested
  class Access extends AbstractAccessStoresContractTest {
    private final OrgStore orgs = new InMemoryOrgStore();
    private final TokenStore tokens = new InMemoryTokenStore();
    private final CollectionStore collections = new InMemoryCollectionStore();

    @Override
    protected OrgStore orgs() {
      return orgs;
    }

    @Override
    protected TokenStore tokens() {
      return tokens;
    }

    @Override
    protected CollectionStore collections() {
      return collections;
    }
  }
}
