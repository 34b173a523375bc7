package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractAccessStoresContractTest;
import dev.lectern.application.contract.AbstractArtifactStoreContractTest;
import dev.lectern.application.contract.Fixtures;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The store contracts against H2, in memory and as a file on disk. */
class JdbcStoresContractTest {
  private static JdbcDatabase seeded(String url) {
    JdbcDatabase db = JdbcDatabase.open(url, "sa", "", 4);
    OrgStore orgs = new JdbcOrgStore(db.dataSource());
    orgs.create(new Organization("org1", new OrgSlug("org-one"), Fixtures.T0));
    orgs.create(new Organization("org2", new OrgSlug("org-two"), Fixtures.T0));
    CollectionStore collections = new JdbcCollectionStore(db.dataSource());
    collections.findOrCreate(Fixtures.collection("org1", "c1"));
    collections.findOrCreate(Fixtures.collection("org2", "c1"));
    return db;
  }

  @Nested
  class ArtifactsInMemory extends AbstractArtifactStoreContractTest {
    private JdbcDatabase db;

    @Override
    protected ArtifactStore createStore() {
      db = seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));
      return new JdbcArtifactStore(db.dataSource());
    }

    @AfterEach
    void close() {
      db.close();
    }
  }

  @Nested
  class ArtifactsOnDisk extends AbstractArtifactStoreContractTest {
    @TempDir Path dir;
    private JdbcDatabase db;

    @Override
    protected ArtifactStore createStore() {
      db = seeded(JdbcDatabase.h2Url(dir));
      return new JdbcArtifactStore(db.dataSource());
    }

    @AfterEach
    void close() {
      db.close();
    }
  }

  @Nested
  class Access extends AbstractAccessStoresContractTest {
    private final JdbcDatabase db = seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));

    @Override
    protected OrgStore orgs() {
      return new JdbcOrgStore(db.dataSource());
    }

    @Override
    protected TokenStore tokens() {
      return new JdbcTokenStore(db.dataSource());
    }

    @Override
    protected CollectionStore collections() {
      return new JdbcCollectionStore(db.dataSource());
    }

    @AfterEach
    void close() {
      db.close();
    }
  }
}
