package dev.lectern.adapters.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL server for the contract tests, named by {@code LECTERN_TEST_POSTGRES_URL} (a JDBC
 * URL of a database the user {@code LECTERN_TEST_POSTGRES_USER} may create databases from). Each
 * test gets a database of its own, dropped afterwards.
 */
final class Postgres {
  static final String URL_VARIABLE = "LECTERN_TEST_POSTGRES_URL";

  private Postgres() {}

  static String adminUrl() {
    return System.getenv(URL_VARIABLE);
  }

  static String user() {
    String user = System.getenv("LECTERN_TEST_POSTGRES_USER");
    return user == null ? "lectern" : user;
  }

  /** Creates an empty database and returns its JDBC URL. */
  static String freshDatabase() {
    String name = "lectern_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE DATABASE " + name);
    return adminUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  static void drop(String url) {
    String name = url.replaceFirst(".*/([^/?]+).*", "$1");
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl(), user(), "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
    }
  }
}
