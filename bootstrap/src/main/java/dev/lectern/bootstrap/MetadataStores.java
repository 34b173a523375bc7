package dev.lectern.bootstrap;

import dev.lectern.adapters.jdbc.JdbcArtifactStore;
import dev.lectern.adapters.jdbc.JdbcAssistantStore;
import dev.lectern.adapters.jdbc.JdbcCollectionStore;
import dev.lectern.adapters.jdbc.JdbcConversationStore;
import dev.lectern.adapters.jdbc.JdbcDatabase;
import dev.lectern.adapters.jdbc.JdbcDocumentStore;
import dev.lectern.adapters.jdbc.JdbcOrgStore;
import dev.lectern.adapters.jdbc.JdbcTaskQueue;
import dev.lectern.adapters.jdbc.JdbcTokenStore;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.application.port.out.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The metadata database and its stores, shared by the server and the CLI. */
public record MetadataStores(
    JdbcDatabase database,
    OrgStore orgs,
    TokenStore tokens,
    CollectionStore collections,
    ArtifactStore artifacts,
    TaskQueue tasks,
    DocumentStore documents,
    AssistantStore assistants,
    ConversationStore conversations)
    implements AutoCloseable {

  public static MetadataStores open(LecternConfig config, int poolSize) {
    String url = config.storage().databaseUrl();
    if (url == null || url.isBlank()) {
      Path dir = config.storage().resolve("db");
      try {
        Files.createDirectories(dir);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
      }
      url = JdbcDatabase.h2Url(dir);
    }
    JdbcDatabase db =
        JdbcDatabase.open(
            url,
            config.storage().databaseUser() == null ? "sa" : config.storage().databaseUser(),
            config.storage().databasePassword() == null ? "" : config.storage().databasePassword(),
            poolSize);
    var ds = db.dataSource();
    return new MetadataStores(
        db,
        new JdbcOrgStore(ds),
        new JdbcTokenStore(ds),
        new JdbcCollectionStore(ds),
        new JdbcArtifactStore(ds),
        new JdbcTaskQueue(ds),
        new JdbcDocumentStore(ds),
        new JdbcAssistantStore(ds),
        new JdbcConversationStore(ds));
  }

  @Override
  public void close() {
    database.close();
  }
}
