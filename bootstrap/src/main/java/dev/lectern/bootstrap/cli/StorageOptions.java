package dev.lectern.bootstrap.cli;

import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.domain.collection.Language;
import java.nio.file.Path;
import java.time.Duration;
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

  LecternConfig config() {
    return new LecternConfig(
        LecternConfig.DEFAULT_HOST,
        LecternConfig.DEFAULT_PORT,
        dataDir.toAbsolutePath().normalize(),
        LecternConfig.DEFAULT_MAX_BODY_BYTES,
        LecternConfig.DEFAULT_MAX_INPUT_BYTES,
        false,
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Language.ENGLISH,
        System.getenv("LECTERN_ADMIN_TOKEN"),
        databaseUrl,
        databaseUser,
        System.getenv("LECTERN_DB_PASSWORD"));
  }
}
