package io.carebook.conversations.understanding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Understanding#read} found in one message. Every part is optional: a message may carry
 * only a yes, only a date, or nothing understood at all ({@link #isEmpty()}).
 *
 * @param language the language detected from the script and words (ar, es or en), else null
 * @param intents what the message asks for; may be empty, never null
 * @param date the day named ("tomorrow", "el lunes", "١٢/٣"); the first day of a range
 * @param until the last day of a range, set together with date ("next week": Monday..Sunday)
 * @param time the clock time named, read the way a clinic expects (a bare 1-7 is afternoon)
 * @param dayPart the part of the day named without an hour ("por la tarde", "الصبح")
 * @param number a bare number or choice ("2", "٢", "۲"), when the message is only that
 * @param yes true for yes ("sí", "نعم", "ok"), false for no ("no", "لا", "nope"), else null
 */
public record Reading(
    @Nullable Locale language,
    Set<Intent> intents,
    @Nullable LocalDate date,
    @Nullable LocalDate until,
    @Nullable LocalTime time,
    @Nullable DayPart dayPart,
    @Nullable Integer number,
    @Nullable Boolean yes) {

  public Reading {
    intents = Set.copyOf(intents);
  }

  /** True when the message said something about a day, a time or a part of the day. */
  public boolean hasWhen() {
    return date != null || time != null || dayPart != null;
  }

  /** True when nothing at all was understood (a language may still have been detected). */
  public boolean isEmpty() {
    return intents.isEmpty() && !hasWhen() && number == null && yes == null;
  }

  /** True when the message carries this intent. */
  public boolean has(Intent intent) {
    return intents.contains(intent);
  }
}
