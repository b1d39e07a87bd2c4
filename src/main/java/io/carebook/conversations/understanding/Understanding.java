package io.carebook.conversations.understanding;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Reads a patient's short free-text message (WhatsApp) into a {@link Reading}: language, intents,
 * day or range of days, clock time, part of the day, a bare number and yes/no. Stateless and
 * thread-safe; no outside service.
 *
 * <p>The rules a clinic expects (details in {@link Days} and {@link Clock}):
 *
 * <ul>
 *   <li>digits may be Western (0-9), Arabic-Indic (٠-٩) or Extended Arabic-Indic (۰-۹); accents and
 *       Arabic diacritics are optional ("manana", "غدا" for "غداً");
 *   <li>"12/3" is the 12th of March (day first); a date without a year that has passed is next
 *       year's;
 *   <li>a weekday is the next such day on or after today (today's own weekday is today); "next
 *       friday", "el próximo viernes", "الجمعة الجاية" the next one after today; "next week" is
 *       next Monday to Sunday;
 *   <li>a bare hour 1-7 is afternoon ("a las 5", "الساعة ٥" are 17:00), 8-11 morning, 12 noon,
 *       unless am/pm, ص/م or a part of the day says otherwise ("5 de la mañana" is 05:00);
 *   <li>"mañana" alone is tomorrow, "por la mañana" the MORNING; greetings ("buenas tardes", "صباح
 *       الخير") name no part of the day;
 *   <li>a number is a choice only when it is the whole message ("2", "٢", "option 2"); a message
 *       with a day or time has no number.
 * </ul>
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
