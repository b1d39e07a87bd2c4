package io.carebook.tenancy.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in database keeps its data across a restart, as `mvn spring-boot:run` relies on. */
class EmbeddedDatabaseTests {

  @Test
  void dataSurvivesARestartOnTheSameDirectory(@TempDir Path directory) throws Exception {
    var data = directory.resolve("postgres");
    try (var first = EmbeddedDatabase.startServer(data, 0)) {
      execute(first, "create table kept (note text); insert into kept values ('still here')");
    }
    assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
    try (var second = EmbeddedDatabase.startServer(data, 0);
        var connection = second.getPostgresDatabase().getConnection();
        var rows = connection.createStatement().executeQuery("select note from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void sharedBuffersAndStatementStatisticsCanBeSetForBenchmarks(@TempDir Path directory)
      throws Exception {
    try (var server =
            EmbeddedDatabase.startServer(directory.resolve("postgres"), 0, "256MB", true);
        var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      try (var rows = statement.executeQuery("show shared_buffers")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("256MB");
      }
      statement.execute("create extension pg_stat_statements");
      try (var rows = statement.executeQuery("select count(*) from pg_stat_statements")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }

  private static void execute(
      io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres, String sql)
      throws SQLException {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
