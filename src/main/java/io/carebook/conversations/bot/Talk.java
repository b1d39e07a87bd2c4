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
   * typed ("2", "٢"), or the title they typed when only one fits ("10:30", "Samir"); null if none.
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
    var titled = typedTitle(text, step.titles());
    return titled >= 0 && titled < offered.size() ? offered.get(titled) : null;
  }

  /**
   * The index of the one title the patient typed instead of tapping: the whole title ("10:30"), or
   * words of only one title ("Samir" for "Dr. Samir Adel"), whatever the case, accents or script of
   * the digits; -1 when none or more than one match.
   */
  static int typedTitle(String text, List<String> titles) {
    var typed = comparable(text);
    if (typed.isBlank()) {
      return -1;
    }
    var found = -1;
    for (var whole : List.of(true, false)) {
      for (var i = 0; i < titles.size(); i++) {
        var title = comparable(titles.get(i));
        var matches =
            whole ? title.equals(typed) : typed.strip().length() >= 3 && title.contains(typed);
        if (matches && found >= 0) {
          return -1;
        }
        if (matches) {
          found = i;
        }
      }
      if (found >= 0) {
        return found;
      }
    }
    return -1;
  }

  /** Lower case, no accents, Western digits, words between single spaces and at both ends. */
  private static String comparable(String text) {
    var plain =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    var words = new StringBuilder(" ");
    for (var c : plain.toCharArray()) {
      if (Character.isDigit(c)) {
        words.append((char) ('0' + Character.digit(c, 10)));
      } else if (Character.isLetter(c)) {
        words.append(c);
      } else if (words.charAt(words.length() - 1) != ' ') {
        words.append(' ');
      }
    }
    if (words.charAt(words.length() - 1) != ' ') {
      words.append(' ');
    }
    return words.length() == 1 ? "" : words.toString();
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
