package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.CarebookTest;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Limits hold across app instances: two of them draw on one budget kept in PostgreSQL. */
@CarebookTest
class RateLimitsTests {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private final RateLimits.Limit threePerHour =
      new RateLimits.Limit("test", 3, Duration.ofHours(1));

  @Test
  void twoInstancesShareOneBudgetAndTheFourthAttemptWaits() {
    var first = new RateLimits(dataSource, new MockEnvironment(), jdbc);
    var second = new RateLimits(dataSource, new MockEnvironment(), jdbc);
    var address = "203.0.113." + UUID.randomUUID().hashCode() % 200;
    first.consume(threePerHour, address);
    second.consume(threePerHour, address);
    first.consume(threePerHour, address);
    assertThatThrownBy(() -> second.consume(threePerHour, address))
        .isInstanceOfSatisfying(
            RateLimits.Exceeded.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(429);
              assertThat(e.retryAfterSeconds()).isBetween(1L, 3600L);
              assertThat(e.headers()).containsKey("Retry-After");
            });
    first.consume(threePerHour, address + "-elsewhere");
  }

  @Test
  void aLimitCanBeConfigured() {
    var configured =
        new RateLimits(
            dataSource, new MockEnvironment().withProperty("carebook.rate-limit.test", "1"), jdbc);
    var key = UUID.randomUUID().toString();
    configured.consume(threePerHour, key);
    assertThatThrownBy(() -> configured.consume(threePerHour, key))
        .isInstanceOf(RateLimits.Exceeded.class);
  }
}
