package io.carebook.conversations.bot;

import io.carebook.conversations.BotWording;
import io.carebook.conversations.Conversation;
import io.carebook.conversations.ConversationSettings;
import io.carebook.conversations.understanding.Reading;
import io.carebook.tenancy.Clinic;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a conversation as the dialogue sees it: the conversation, the bot's place in it, what
 * the patient sent (its text, the id of the option tapped, what was understood), the clinic and its
 * wording, in the conversation's language.
 */
record Talk(
    Conversation conversation,
    Step step,
    Locale locale,
    String text,
    @Nullable String replyId,
    Reading reading,
    Clinic clinic,
    ConversationSettings settings,
    BotWording wording,
    ZonedDateTime now) {

  Talk in(Locale language) {
    return new Talk(
        conversation, step, language, text, replyId, reading, clinic, settings, wording, now);
  }

  Talk at(Step next) {
    return new Talk(
        conversation, next, locale, text, replyId, reading, clinic, settings, wording, now);
  }

  /** A text the clinic may reword. */
  String say(String key, Object... args) {
    return wording.text(key, locale, settings, args);
  }

  /** A built-in label (a button, a row). */
  String label(String key, Object... args) {
    return wording.label(key, locale, args);
  }

  Reply choice(String text, List<Reply.Option> options) {
    return Reply.choice(text, options, label("choose"), label("reply.number"));
  }

  /**
   * The option the patient picked among those offered: the one they tapped, or the number they
   * typed ("2", "٢"), or the title they typed; null if none.
   */
  @Nullable String chosen() {
    var offered = step.options();
    if (replyId != null && offered.contains(replyId)) {
      return replyId;
    }
    var number = reading.number() != null ? reading.number() : typedNumber(text);
    if (number != null && number >= 1 && number <= offered.size()) {
      return offered.get(number - 1);
    }
    return null;
  }

  /** A message that is only a number of one or two digits, in any script ("2", "٢", "۲"). */
  static @Nullable Integer typedNumber(String text) {
    var digits = text.strip();
    if (digits.isEmpty() || digits.length() > 2) {
      return null;
    }
    var value = 0;
    for (var c : digits.toCharArray()) {
      if (!Character.isDigit(c)) {
        return null;
      }
      value = value * 10 + Character.digit(c, 10);
    }
    return value;
  }

  String language() {
    return locale.getLanguage();
  }
}
