package io.carebook.tenancy.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The built-in database keeps its data across a restart, as `mvn spring-boot:run` relies on; it
 * starts in the background, and the application context waits for it (or fails as it failed).
 */
class EmbeddedDatabaseTests {

  @Test
  void startsInTheBackgroundAndIsReadyForTheApplicationRoleOnceAwaited(@TempDir Path directory)
      throws Exception {
    var database = EmbeddedDatabase.launch(directory.resolve("postgres"), 0, null, false);
    try {
      // initdb and pg_ctl take far longer than returning does
      assertThat(database.ready()).isFalse();
      var properties = database.springProperties();
      database.awaitReady();
      assertThat(database.ready()).isTrue();
      try (var connection =
              DriverManager.getConnection(
                  (String) properties.get("spring.datasource.url"),
                  (String) properties.get("spring.datasource.username"),
                  (String) properties.get("spring.datasource.password"));
          var rows = connection.createStatement().executeQuery("select current_user")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(EmbeddedDatabase.APPLICATION_ROLE);
      }
    } finally {
      database.stop();
    }
  }

  @Test
  void aServerThatCannotStartFailsTheApplicationContextWithItsOwnMessage(@TempDir Path directory)
      throws Exception {
    // a file where the data directory should be: the server cannot start
    var notADirectory = Files.writeString(directory.resolve("postgres"), "not a directory");
    var database = EmbeddedDatabase.launch(notADirectory, 0, null, false);
    try (var context = new GenericApplicationContext()) {
      context.addBeanFactoryPostProcessor(new EmbeddedDatabaseReady(database));
      context.registerBean("needsTheDatabase", Object.class);
      assertThatThrownBy(context::refresh)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("Could not start the embedded PostgreSQL");
      assertThat(context.isActive()).isFalse();
    }
    database.stop(); // nothing to stop, and no error
  }

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
