package io.carebook.conversations;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the bot says: the clinic's own wording of a key in the patient's language when it wrote one
 * ({@link ConversationSettings#override}), else the built-in text ({@code conversations.bot.<key>}
 * in messages/conversations*.properties). Arguments fill {@code {0}}, {@code {1}}, … in both, so a
 * settings page can preview a clinic's wording with sample arguments.
 */
@Component
public class BotWording {

  /**
   * The keys of the bot's messages a clinic may reword, in the order a settings page lists them.
   */
  public static final List<String> KEYS =
      List.of(
          "greeting",
          "menu",
          "language",
          "who",
          "name",
          "doctor",
          "service",
          "day",
          "time",
          "time.none",
          "confirm",
          "booked",
          "refused",
          "appointment",
          "appointment.none",
          "confirmed",
          "canceled",
          "move",
          "moved",
          "where",
          "person",
          "not.understood");

  private final MessageSource messages;

  BotWording(MessageSource messages) {
    this.messages = messages;
  }

  /** The text of {@code key} for the clinic, in {@code locale}, with {@code args} filled in. */
  public String text(String key, Locale locale, ConversationSettings settings, Object... args) {
    var own = settings.override(locale.getLanguage(), key);
    if (own != null) {
      try {
        return new MessageFormat(own.replace("'", "''"), locale).format(args);
      } catch (IllegalArgumentException e) {
        return own; // a clinic's brace that is no placeholder: its text as written
      }
    }
    return messages.getMessage("conversations.bot." + key, args, locale);
  }

  /**
   * A built-in label the clinic does not reword (buttons, row titles, a refusing rule's reason):
   * {@code conversations.bot.label.<key>}.
   */
  public String label(String key, Locale locale, Object... args) {
    return messages.getMessage("conversations.bot.label." + key, args, locale);
  }
}
