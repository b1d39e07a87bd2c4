package io.carebook;

import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration role's connection, for tests that inspect the catalog or arrange what the
 * application could not (it bypasses row-level security). Never used by application code.
 */
public final class OwnerDatabase {

  private OwnerDatabase() {}

  public static DataSource dataSource(Environment environment) {
    return new DriverManagerDataSource(
        environment.getRequiredProperty("spring.datasource.url"),
        environment.getRequiredProperty("spring.flyway.user"),
        environment.getRequiredProperty("spring.flyway.password"));
  }

  public static JdbcClient jdbc(Environment environment) {
    return JdbcClient.create(dataSource(environment));
  }
}
