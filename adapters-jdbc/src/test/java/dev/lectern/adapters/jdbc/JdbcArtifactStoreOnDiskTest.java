package dev.lectern.adapters.jdbc;

import static dev.lectern.application.contract.Fixtures.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.contract.AbstractArtifactStoreContractTest;
import dev.lectern.application.port.out.ArtifactStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcArtifactStoreOnDiskTest extends AbstractArtifactStoreContractTest {
  @TempDir Path dir;
  private JdbcDatabase db;

  @Override
  protected ArtifactStore createStore() {
    db = TestDatabases.seeded(JdbcDatabase.h2Url(dir));
    return new JdbcArtifactStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void committedArtifactSurvivesReopening() {
    store.claimIngest(key, revision(1, "kept"));
    store.completeIngest(key, 1);
    db.close();

    db = JdbcDatabase.open(JdbcDatabase.h2Url(dir), "sa", "", 2);
    ArtifactStore reopened = new JdbcArtifactStore(db.dataSource());
    assertThat(reopened.find(key).orElseThrow().current().contentHash())
        .isEqualTo(revision(1, "kept").contentHash());
  }
}
