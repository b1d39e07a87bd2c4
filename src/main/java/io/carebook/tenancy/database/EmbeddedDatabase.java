package io.carebook.tenancy.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * Carebook's own PostgreSQL, for the one-command start and for the tests: real PostgreSQL binaries
 * from Maven Central, one server per JVM, stopped when the JVM exits. It starts in the background
 * (launched from the environment post-processor, before the application context exists), so its
 * 0.5–2 s overlap the JVM's class loading and the context's configuration; the application context
 * waits for it ({@link EmbeddedDatabaseReady}) before any bean is created.
 *
 * <p>Creates the two roles of the tenancy model: a migration role that owns the schema and has
 * BYPASSRLS, and an application role that owns nothing and never bypasses row-level security. Their
 * passwords are drawn anew at every start, so none is kept anywhere.
 */
final class EmbeddedDatabase {

  static final String DATABASE = "carebook";
  static final String MIGRATION_ROLE = "carebook_migrator";
  static final String APPLICATION_ROLE = "carebook_app";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static @Nullable EmbeddedDatabase running;

  private final int port;
  private final @Nullable Path directory;
  private final String migrationPassword = randomPassword();
  private final String applicationPassword = randomPassword();
  private final CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
  private final long launched = System.nanoTime();
  private final AtomicBoolean reported = new AtomicBoolean();

  private EmbeddedDatabase(@Nullable Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /**
   * Starts the server once per JVM, in the background: returns at once with the settings the data
   * source needs, while PostgreSQL starts beside the JVM's class loading; {@link #awaitReady()}
   * waits for it (and fails as the start failed). Later calls return the running one.
   */
  static synchronized EmbeddedDatabase start(
      @Nullable Path directory,
      int port,
      @Nullable String sharedBuffers,
      boolean statementStatistics) {
    if (running == null) {
      var database = launch(directory, port, sharedBuffers, statementStatistics);
      // after every application context has closed, so nothing still needs the database
      SpringApplication.getShutdownHandlers().add(database::stop);
      running = database;
    }
    return running;
  }

  /** A server of its own (not the JVM's one), starting in the background. */
  static EmbeddedDatabase launch(
      @Nullable Path directory,
      int port,
      @Nullable String sharedBuffers,
      boolean statementStatistics) {
    var database = new EmbeddedDatabase(directory, port > 0 ? port : freePort());
    Thread.ofPlatform()
        .daemon()
        .name("embedded-postgres-start")
        .start(() -> database.startServer(sharedBuffers, statementStatistics));
    return database;
  }

  private void startServer(@Nullable String sharedBuffers, boolean statementStatistics) {
    try {
      var postgres = startServer(directory, port, sharedBuffers, statementStatistics);
      try {
        prepareRolesAndDatabase(postgres);
      } catch (RuntimeException e) {
        close(postgres);
        throw e;
      }
      server.complete(postgres);
    } catch (RuntimeException | Error e) {
      server.completeExceptionally(e);
    }
  }

  /**
   * Waits until the server accepts the two roles' connections. A start that failed fails here with
   * its own exception (the same message as when the start was not in the background), and the next
   * application context of the JVM tries again.
   */
  void awaitReady() {
    var waiting = System.nanoTime();
    try {
      server.join();
    } catch (CompletionException e) {
      synchronized (EmbeddedDatabase.class) {
        if (running == this) {
          running = null;
        }
      }
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
    if (reported.compareAndSet(false, true)) {
      var now = System.nanoTime();
      log.info(
          "Embedded PostgreSQL ready on port {}, {} ms after it was launched, the start-up waited {}"
              + " ms for it (data: {})",
          port,
          (now - launched) / 1_000_000,
          (now - waiting) / 1_000_000,
          directory == null ? "temporary" : directory.toAbsolutePath());
    }
  }

  boolean ready() {
    return server.isDone() && !server.isCompletedExceptionally();
  }

  Map<String, Object> springProperties() {
    var url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    var properties = new LinkedHashMap<String, Object>();
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", APPLICATION_ROLE);
    properties.put("spring.datasource.password", applicationPassword);
    properties.put("spring.flyway.user", MIGRATION_ROLE);
    properties.put("spring.flyway.password", migrationPassword);
    properties.put("spring.flyway.placeholders.app_role", APPLICATION_ROLE);
    return properties;
  }

  static EmbeddedPostgres startServer(@Nullable Path directory, int port) {
    return startServer(directory, port, null, false);
  }

  /**
   * {@code sharedBuffers}: PostgreSQL's shared_buffers (e.g. "1GB"), or null for its default;
   * {@code statementStatistics}: load pg_stat_statements, for profiling.
   */
  static EmbeddedPostgres startServer(
      @Nullable Path directory,
      int port,
      @Nullable String sharedBuffers,
      boolean statementStatistics) {
    try {
      var builder =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(PostgresBinaries.INSTANCE)
              .setRegisterShutdownHook(false)
              .setServerConfig("timezone", "UTC")
              // the server's log joins ours: keep values (names, phones) out of it
              .setServerConfig("log_error_verbosity", "terse")
              .setServerConfig("log_min_error_statement", "panic");
      if (sharedBuffers != null && !sharedBuffers.isBlank()) {
        builder.setServerConfig("shared_buffers", sharedBuffers.strip());
      }
      if (statementStatistics) {
        // every statement's calls and time, those run by triggers and functions included
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        builder.setServerConfig("pg_stat_statements.track", "all");
      }
      if (port > 0) {
        builder.setPort(port);
      }
      if (directory != null) {
        Files.createDirectories(directory);
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  private void prepareRolesAndDatabase(EmbeddedPostgres postgres) {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute(ensureRole(MIGRATION_ROLE, "BYPASSRLS", migrationPassword));
      statement.execute(ensureRole(APPLICATION_ROLE, "NOBYPASSRLS", applicationPassword));
      try (var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!exists.next()) {
          statement.execute("create database " + DATABASE + " owner " + MIGRATION_ROLE);
        }
      }
      statement.execute("revoke all on database " + DATABASE + " from public");
      statement.execute("grant connect on database " + DATABASE + " to " + APPLICATION_ROLE);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database", e);
    }
  }

  private static String ensureRole(String role, String bypass, String password) {
    return """
        do $$ begin
          if not exists (select from pg_roles where rolname = '%1$s') then
            create role %1$s login;
          end if;
          alter role %1$s with login nosuperuser nocreaterole nocreatedb %2$s password '%3$s';
        end $$"""
        .formatted(role, bypass, password);
  }

  /** Stops the server, once its start has finished (a JVM leaving during the start waits). */
  void stop() {
    try {
      close(server.join());
    } catch (CompletionException e) {
      // never started: nothing to stop
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  /**
   * A port free now, as the server's own default would pick (the server binds it moments later).
   */
  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port for the embedded PostgreSQL", e);
    }
  }

  private static String randomPassword() {
    var bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
