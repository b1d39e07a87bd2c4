package io.carebook.conversations.understanding;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Reads a patient's short free-text message (WhatsApp) into a {@link Reading}: language, intents,
 * day or range of days, clock time, part of the day, a bare number and yes/no. Stateless and
 * thread-safe; no outside service.
 */
public final class Understanding {

  private Understanding() {}

  /**
   * Reads one message.
   *
   * @param text the message as typed
   * @param hint the conversation's language so far, used only to break ties between English and
   *     Spanish when the words fit both
   * @param now the clinic's current time; relative days ("tomorrow", "el lunes") count from its
   *     date
   */
  public static Reading read(String text, Locale hint, ZonedDateTime now) {
    var normalized = Text.normalize(text);
    var parts = DayParts.in(Greetings.removedFrom(normalized));
    var today = now.toLocalDate();
    var days = Days.in(parts.rest(), today);
    var date = days.date() == null && parts.today() ? today : days.date();
    var time = Clock.in(days.rest(), parts.part());
    var number = date == null && time == null ? Choices.in(normalized) : null;
    return new Reading(
        Languages.detect(text, normalized, hint),
        Intents.in(normalized),
        date,
        days.until(),
        time,
        parts.part(),
        number,
        YesNo.in(text, normalized));
  }
}
