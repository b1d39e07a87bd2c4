package io.carebook.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One range of a doctor's recurring hours at a clinic, in the clinic's local time. */
public record WeeklyHours(DayOfWeek day, LocalTime starts, LocalTime ends) {

  public WeeklyHours {
    if (!ends.isAfter(starts)) {
      throw new IllegalArgumentException("hours must end after they start");
    }
  }
}
