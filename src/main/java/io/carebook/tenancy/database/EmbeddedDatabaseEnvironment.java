package io.carebook.tenancy.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no database configured, starts Carebook's own PostgreSQL before the application context
 * exists and points the data source (application role) and Flyway (migration role) at it.
 *
 * <p>{@code carebook.embedded-database.directory} keeps the data across restarts (the default,
 * {@code ./data/postgres}); the value {@code temporary} gives a throw-away server, as the tests
 * use. {@code carebook.embedded-database.port} 0 picks a free port.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.datasource.url")
        || !environment.getProperty("carebook.embedded-database.enabled", Boolean.class, true)) {
      return;
    }
    var directory =
        environment.getProperty("carebook.embedded-database.directory", "data/postgres");
    var port = environment.getProperty("carebook.embedded-database.port", Integer.class, 5433);
    var database =
        EmbeddedDatabase.start("temporary".equals(directory) ? null : Path.of(directory), port);
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("carebookEmbeddedDatabase", database.springProperties()));
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("carebookDevDefaults", devDefaults()));
  }

  /**
   * The built-in database means a developer's or evaluator's machine: show the outbox page (nothing
   * is really sent) and load the demo organizations into an empty database.
   */
  private static Map<String, Object> devDefaults() {
    return Map.of(
        "carebook.dev.outbox-page", "true",
        "carebook.demo", "auto",
        // served over plain http on localhost
        "carebook.cookies.secure", "false");
  }
}
