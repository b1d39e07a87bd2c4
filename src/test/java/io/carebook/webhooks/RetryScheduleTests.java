package io.carebook.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The default retries: quick at first, then hours apart, for about three days in all. */
class RetryScheduleTests {

  private final RetrySchedule schedule =
      new RetrySchedule(
          Arrays.stream(RetrySchedule.DEFAULT.split(",")).map(Duration::parse).toList());
  private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void theFirstRetryComesAfterFiveSecondsThenFiveMinutesThenHalfAnHour() {
    assertThat(schedule.next(1, now)).hasValue(now.plusSeconds(5));
    assertThat(schedule.next(2, now)).hasValue(now.plus(Duration.ofMinutes(5)));
    assertThat(schedule.next(3, now)).hasValue(now.plus(Duration.ofMinutes(30)));
  }

  @Test
  void retriesLastAboutThreeDaysThenTheDeliveryHasFailed() {
    assertThat(schedule.span()).isBetween(Duration.ofHours(60), Duration.ofHours(80));
    assertThat(schedule.next(schedule.delays().size(), now))
        .hasValue(now.plus(Duration.ofHours(10)));
    assertThat(schedule.next(schedule.delays().size() + 1, now)).isEmpty();
  }
}
