package dev.lectern.bootstrap.cli;

import dev.lectern.bootstrap.LecternConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: where the data lives. */
public final class StorageOptions {
  @Option(
      names = "--data-dir",
      defaultValue = "${env:LECTERN_DATA_DIR:-./lectern-data}",
      description = "Data directory (database, index, blobs). Env: LECTERN_DATA_DIR.")
  Path dataDir;

  @Option(
      names = "--db-url",
      defaultValue = "${env:LECTERN_DB_URL}",
      description = "JDBC URL of an external database (PostgreSQL). Env: LECTERN_DB_URL.")
  String databaseUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:LECTERN_DB_USER}",
      description = "Database user. Env: LECTERN_DB_USER.")
  String databaseUser;

  /** Defaults plus the storage options and the admin token from the environment. */
  LecternConfig.Builder config() {
    return LecternConfig.builder(dataDir.toAbsolutePath().normalize())
        .adminToken(System.getenv("LECTERN_ADMIN_TOKEN"))
        .database(databaseUrl, databaseUser, System.getenv("LECTERN_DB_PASSWORD"));
  }
}
