package io.carebook.tenancy.database;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@link DevelopmentMode}: outside it, refuses to start without a database URL and turns
 * the dev pages and demo data off. In it, with no database configured, launches Carebook's own
 * PostgreSQL in the background before the application context exists, points the data source
 * (application role) and Flyway (migration role) at it, and has the context wait for it once its
 * configuration is read ({@link EmbeddedDatabaseReady}): the server's start overlaps the JVM's and
 * Spring's, and a server that cannot start still fails the start-up with its own message.
 *
 * <p>{@code carebook.embedded-database.directory} keeps the data across restarts (the default,
 * {@code ./data/postgres}); the value {@code temporary} gives a throw-away server, as the tests
 * use. {@code carebook.embedded-database.port} 0 picks a free port. {@code
 * carebook.embedded-database.shared-buffers} sets the server's shared_buffers (PostgreSQL's
 * default, 128MB, when unset), for large data such as the benchmarks' reference size; {@code
 * carebook.embedded-database.statement-statistics=true} loads pg_stat_statements (counting the
 * statements of triggers and functions too), for profiling.
 *
 * <p>A start on the build's ahead-of-time bean definitions ({@code -Dspring.aot.enabled=true}, as
 * {@code bin/run} starts) whose settings would choose other beans than the build's is refused here,
 * before anything starts ({@link DevelopmentMode#aheadOfTimeMismatch}).
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    var sources = environment.getPropertySources();
    if (!DevelopmentMode.on(environment)) {
      sources.addFirst(
          new MapPropertySource("carebookProduction", DevelopmentMode.productionOverrides()));
    }
    sources.addLast(
        new MapPropertySource(
            "carebookOperations", DevelopmentMode.operationsDefaults(environment)));
    var embedded =
        !environment.containsProperty("spring.datasource.url")
            && environment.getProperty("carebook.embedded-database.enabled", Boolean.class, true);
    if (embedded && !DevelopmentMode.on(environment)) {
      throw new IllegalStateException(DevelopmentMode.REFUSAL);
    }
    var directory =
        environment.getProperty("carebook.embedded-database.directory", "data/postgres");
    if (embedded) {
      sources.addLast(new MapPropertySource("carebookDevDefaults", devDefaults(directory)));
    }
    // before the built-in database is launched, so a refused start leaves nothing running
    if (AotDetector.useGeneratedArtifacts()) {
      DevelopmentMode.aheadOfTimeMismatch(environment)
          .ifPresent(
              mismatch -> {
                throw new IllegalStateException(DevelopmentMode.aheadOfTimeRefusal(mismatch));
              });
    }
    if (embedded) {
      startEmbeddedDatabase(directory, environment, application);
    }
  }

  private static void startEmbeddedDatabase(
      String directory, ConfigurableEnvironment environment, SpringApplication application) {
    var port = environment.getProperty("carebook.embedded-database.port", Integer.class, 5433);
    var database =
        EmbeddedDatabase.start(
            "temporary".equals(directory) ? null : Path.of(directory),
            port,
            environment.getProperty("carebook.embedded-database.shared-buffers"),
            environment.getProperty(
                "carebook.embedded-database.statement-statistics", Boolean.class, false));
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("carebookEmbeddedDatabase", database.springProperties()));
    application.addInitializers(
        context -> context.addBeanFactoryPostProcessor(new EmbeddedDatabaseReady(database)));
  }

  /**
   * The built-in database means a developer's or evaluator's machine: show the outbox page (nothing
   * is really sent), load the demo organizations into an empty database, and keep the master key in
   * a file beside the data ({@code data/master-key}), created on the first start; a throw-away
   * database gets a throw-away key. A configured {@code carebook.master-key} still wins.
   */
  private static @org.jspecify.annotations.Nullable String temporaryKey;

  private static Map<String, Object> devDefaults(String directory) {
    var masterKey =
        "temporary".equals(directory)
            ? Map.entry("carebook.master-key", temporaryKey())
            : Map.entry(
                "carebook.master-key-file",
                Path.of(directory).toAbsolutePath().resolveSibling("master-key").toString());
    return Map.ofEntries(
        Map.entry("carebook.dev.outbox-page", "true"),
        Map.entry("carebook.demo", "auto"),
        // served over plain http on localhost
        Map.entry("carebook.cookies.secure", "false"),
        masterKey);
  }

  /**
   * One throw-away key per JVM, like the throw-away database it goes with: every application
   * context of the JVM (tests start several) must unwrap the same data keys.
   */
  private static synchronized String temporaryKey() {
    if (temporaryKey == null) {
      var key = new byte[32];
      new SecureRandom().nextBytes(key);
      temporaryKey = Base64.getEncoder().encodeToString(key);
    }
    return temporaryKey;
  }
}
