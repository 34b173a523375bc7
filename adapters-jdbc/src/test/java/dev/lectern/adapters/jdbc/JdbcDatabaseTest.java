package dev.lectern.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lectern.domain.artifact.ArtifactStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class JdbcDatabaseTest {
  @Test
  void theLatestMigrationConstantMatchesTheBundledScripts() throws Exception {
    Path scripts = Path.of(JdbcDatabase.class.getResource("/db/migration").toURI());
    Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
    int highest;
    try (Stream<Path> files = Files.list(scripts)) {
      highest =
          files
              .map(file -> versioned.matcher(file.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(match -> Integer.parseInt(match.group(1)))
              .max()
              .orElseThrow();
    }
    assertThat(JdbcDatabase.LATEST_MIGRATION).isEqualTo(highest);
  }

  @Test
  void aMigratedSchemaIsRecognisedAndAnUnfinishedOneIsNot() throws Exception {
    String url = JdbcDatabase.h2MemoryUrl("uptodate");
    try (HikariDataSource bare = new HikariDataSource()) {
      bare.setJdbcUrl(url);
      bare.setUsername("sa");
      assertThat(JdbcDatabase.upToDate(bare)).isFalse();
      try (JdbcDatabase db = JdbcDatabase.open(url, "sa", "", 2)) {
        assertThat(JdbcDatabase.upToDate(db.dataSource())).isTrue();
        try (Connection c = bare.getConnection();
            Statement s = c.createStatement()) {
          s.execute(
              "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                  + JdbcDatabase.LATEST_MIGRATION
                  + "'");
        }
        assertThat(JdbcDatabase.upToDate(db.dataSource())).isFalse();
      }
    }
  }

  @Test
  void parseStatusesStoredByTheirOlderNamesAreRenamed() throws Exception {
    String url = JdbcDatabase.h2MemoryUrl("statuses");
    try (HikariDataSource bare = new HikariDataSource()) {
      bare.setJdbcUrl(url);
      bare.setUsername("sa");
      Flyway.configure()
          .dataSource(bare)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .target("10")
          .load()
          .migrate();
      try (Connection c = bare.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SET REFERENTIAL_INTEGRITY FALSE");
        for (String run : List.of("UNSTART", "RUNNING", "CANCEL", "DONE", "FAIL")) {
          s.execute(
              "INSERT INTO documents (org_id, collection_id, artifact_id, name, source_hash,"
                  + " size_bytes, chunk_method, parser_config, meta_fields, enabled, run, progress,"
                  + " progress_msg, process_duration, created_at, updated_at) VALUES ('o', 'c', '"
                  + run
                  + "', '"
                  + run
                  + "', '"
                  + "0".repeat(64)
                  + "', 0, 'naive', '{}', '{}', TRUE, '"
                  + run
                  + "', 0, '', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
      }
      try (JdbcDatabase db = JdbcDatabase.open(url, "sa", "", 2);
          Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT artifact_id, run FROM documents")) {
        Map<String, String> runs = new HashMap<>();
        while (rows.next()) {
          runs.put(rows.getString(1), rows.getString(2));
        }
        assertThat(runs)
            .containsExactlyInAnyOrderEntriesOf(
                Map.of(
                    "UNSTART", "PENDING",
                    "RUNNING", "RUNNING",
                    "CANCEL", "CANCELLED",
                    "DONE", "DONE",
                    "FAIL", "FAILED"));
        for (String run : runs.values()) {
          assertThat(ArtifactStatus.valueOf(run)).isNotNull();
        }
      }
    }
  }
}
