package io.carebook.scheduling;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's booking rules, for one service type or its default: how long, how much margin, how
 * soon and how far ahead, on which grid, how many a day, and how many patients may share a slot.
 */
public record BookingRules(
    String serviceType,
    Duration duration,
    Duration bufferBefore,
    Duration bufferAfter,
    Duration minimumNotice,
    Duration horizon,
    Duration alignment,
    @Nullable Integer dailyCap,
    int seats) {

  /** The longest appointment the rules allow. */
  static final Duration LONGEST = Duration.ofMinutes(480);

  /** The widest buffer, before or after, the rules allow. */
  static final Duration WIDEST_BUFFER = Duration.ofMinutes(120);

  public static BookingRules defaults(String serviceType) {
    return new BookingRules(
        serviceType,
        Duration.ofMinutes(15),
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofMinutes(60),
        Duration.ofDays(60),
        Duration.ofMinutes(15),
        null,
        1);
  }
}
