package dev.lectern.adapters.jdbc;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.Internal;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.Unavailable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Small JDBC helper: transactions, parameter binding and row mapping. */
final class Jdbc {
  static final String UNIQUE_VIOLATION = "23505";

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} in one transaction, committed when it returns, rolled back if it throws. */
  <T> T transaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    return transaction(c -> list(c, sql, mapper, params));
  }

  <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
    return transaction(c -> one(c, sql, mapper, params));
  }

  int update(String sql, Object... params) {
    return transaction(c -> update(c, sql, params));
  }

  /** Runs the write; false when a unique constraint refused it. */
  boolean updateUnlessDuplicate(String sql, Object... params) {
    try {
      update(sql, params);
      return true;
    } catch (LecternException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> rows = list(c, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, params)) {
      return statement.executeUpdate();
    }
  }

  /** A stored chunk method; every stored code is one of the known ones. */
  static dev.lectern.domain.collection.ChunkMethod chunkMethod(String code) {
    return dev.lectern.domain.collection.ChunkMethod.fromCode(code)
        .orElseThrow(() -> new IllegalStateException("unknown chunk method stored: " + code));
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  /** Whether a store failure is a unique-key violation (a row that exists already). */
  static boolean isUniqueViolation(LecternException e) {
    return e.getCause() instanceof SQLException sql && isUniqueViolation(sql);
  }

  /**
   * A database failure in the error family. An integrity violation (SQL state 23) is a conflict
   * with a concurrent request, worth retrying; data and syntax errors (22, 42) will fail again the
   * same way: they are internal faults, not retried. Everything else (a lost connection, a lock
   * timeout, a full pool) may pass. Either way the database's own message stays in the log; clients
   * see an error id.
   */
  static LecternException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String detail = "the metadata database failed (SQL state " + state + "): " + e.getMessage();
    if (state.startsWith("23")) {
      // A row another request changed or removed meanwhile (a foreign key, a check): retry.
      return new Conflict("the data changed while the request ran; try again", null, e);
    }
    if (state.startsWith("22") || state.startsWith("42")) {
      return new Internal(detail, e);
    }
    return new Unavailable(detail, null, e);
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      Object param = params[i];
      if (param instanceof Instant instant) {
        statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (param instanceof String[] values) {
        statement.setArray(i + 1, statement.getConnection().createArrayOf("VARCHAR", values));
      } else {
        statement.setObject(i + 1, param);
      }
    }
    return statement;
  }
}
