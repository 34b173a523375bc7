package dev.lectern.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
}
