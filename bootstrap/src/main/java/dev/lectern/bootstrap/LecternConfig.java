package dev.lectern.bootstrap;

import dev.lectern.domain.collection.Language;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of one Lectern process. Values come from command-line flags, then {@code LECTERN_*}
 * environment variables, then these defaults.
 *
 * @param databaseUrl a JDBC URL; null for the embedded H2 database in the data directory
 */
public record LecternConfig(
    String host,
    int port,
    Path dataDir,
    long maxBodyBytes,
    long maxInputBytes,
    boolean allowPrivateUris,
    Duration fetchTimeout,
    Duration parseTimeout,
    Language defaultLanguage,
    String adminToken,
    String databaseUrl,
    String databaseUser,
    String databasePassword) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
  public static final long DEFAULT_MAX_INPUT_BYTES = 50L * 1024 * 1024;

  /** Defaults for a data directory, as used by tests. */
  public static LecternConfig defaults(Path dataDir) {
    return new LecternConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        dataDir,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_INPUT_BYTES,
        false,
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Language.ENGLISH,
        null,
        null,
        null,
        null);
  }

  public LecternConfig withPort(int newPort) {
    return new LecternConfig(
        host,
        newPort,
        dataDir,
        maxBodyBytes,
        maxInputBytes,
        allowPrivateUris,
        fetchTimeout,
        parseTimeout,
        defaultLanguage,
        adminToken,
        databaseUrl,
        databaseUser,
        databasePassword);
  }

  public LecternConfig withLimits(long newMaxBodyBytes, long newMaxInputBytes) {
    return new LecternConfig(
        host,
        port,
        dataDir,
        newMaxBodyBytes,
        newMaxInputBytes,
        allowPrivateUris,
        fetchTimeout,
        parseTimeout,
        defaultLanguage,
        adminToken,
        databaseUrl,
        databaseUser,
        databasePassword);
  }

  public LecternConfig withPrivateUris(boolean allow) {
    return new LecternConfig(
        host,
        port,
        dataDir,
        maxBodyBytes,
        maxInputBytes,
        allow,
        fetchTimeout,
        parseTimeout,
        defaultLanguage,
        adminToken,
        databaseUrl,
        databaseUser,
        databasePassword);
  }

  public LecternConfig withAdminToken(String token) {
    return new LecternConfig(
        host,
        port,
        dataDir,
        maxBodyBytes,
        maxInputBytes,
        allowPrivateUris,
        fetchTimeout,
        parseTimeout,
        defaultLanguage,
        token,
        databaseUrl,
        databaseUser,
        databasePassword);
  }
}
