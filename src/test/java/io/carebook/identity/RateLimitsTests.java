package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RateLimitsTests {

  private final RateLimits limits = new RateLimits(new MockEnvironment());
  private final RateLimits.Limit threePerHour =
      new RateLimits.Limit("test", 3, Duration.ofHours(1));

  @Test
  void theAttemptBeyondTheLimitIsRefusedWith429() {
    for (int i = 0; i < 3; i++) {
      limits.consume(threePerHour, "203.0.113.7");
    }
    assertThatThrownBy(() -> limits.consume(threePerHour, "203.0.113.7"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(429);
              assertThat(e.kind()).isEqualTo("rate-limited");
            });
  }

  @Test
  void eachKeyHasItsOwnBudget() {
    for (int i = 0; i < 3; i++) {
      limits.consume(threePerHour, "203.0.113.7");
    }
    limits.consume(threePerHour, "198.51.100.9");
  }

  @Test
  void aLimitCanBeConfigured() {
    var configured =
        new RateLimits(new MockEnvironment().withProperty("carebook.rate-limit.test", "1"));
    configured.consume(threePerHour, "203.0.113.7");
    assertThatThrownBy(() -> configured.consume(threePerHour, "203.0.113.7"))
        .isInstanceOf(ProblemException.class);
  }
}
