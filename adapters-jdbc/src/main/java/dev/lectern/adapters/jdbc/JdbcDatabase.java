package dev.lectern.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lectern.application.port.out.HealthIndicator;
import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Adapter: the metadata database: a pooled data source, migrated to the current schema. */
public final class JdbcDatabase implements Closeable, HealthIndicator {
  private static final Duration PROBE_TIME = Duration.ofSeconds(5);

  private final HikariDataSource dataSource;

  /** The highest {@code V<n>__*.sql} in {@code db/migration}; a test keeps the two in step. */
  static final int LATEST_MIGRATION = 11;

  private JdbcDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The embedded H2 file database inside {@code directory}. AUTO_SERVER lets a second process (the
   * CLI next to a running server) share it; WRITE_DELAY=0 writes every commit to the file before
   * the commit returns, so acknowledged writes survive a killed process. QUERY_CACHE_SIZE keeps the
   * parsed form of every statement the stores use (H2's default of 8 per connection re-parses most
   * of them on every call).
   */
  public static String h2Url(Path directory) {
    return "jdbc:h2:file:"
        + directory.toAbsolutePath().resolve("lectern")
        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=15000;QUERY_CACHE_SIZE=128";
  }

  /** An in-memory H2 database, for tests. */
  public static String h2MemoryUrl(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=15000";
  }

  public static JdbcDatabase open(String url, String user, String password, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(1);
    config.setPoolName("lectern-metadata");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      if (!upToDate(dataSource)) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .loggers("slf4j") // never a logging system of its own choosing
            .load()
            .migrate();
      }
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new JdbcDatabase(dataSource);
  }

  /**
   * Whether the schema already holds every bundled migration, all successful. Then Flyway (several
   * hundred classes and a scan of the class path) is not needed to start; otherwise it migrates, or
   * reports why it cannot.
   */
  static boolean upToDate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL")) {
      int latest = 0;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        latest = Math.max(latest, Integer.parseInt(rows.getString(1)));
      }
      return latest == LATEST_MIGRATION;
    } catch (SQLException | NumberFormatException noHistoryYet) {
      return false;
    }
  }

  /** The database answers a trivial query within a few seconds. */
  @Override
  public Optional<String> problem() {
    CompletableFuture<Boolean> answered =
        CompletableFuture.supplyAsync(this::answers, Thread::startVirtualThread);
    try {
      return answered.get(PROBE_TIME.toMillis(), TimeUnit.MILLISECONDS)
          ? Optional.empty()
          : Optional.of("the metadata database does not answer");
    } catch (TimeoutException e) {
      return Optional.of("the metadata database does not answer in time");
    } catch (ExecutionException e) {
      return Optional.of("the metadata database does not answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("the metadata database check was interrupted");
    }
  }

  private boolean answers() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      return rows.next();
    } catch (SQLException e) {
      return false;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
