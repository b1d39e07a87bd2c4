package io.carebook.conversations.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message of the bot: its text and, when it offers choices, the options. On WhatsApp up to
 * three options go as reply buttons and up to ten as a list (the Cloud API's limits); on SMS, and
 * as the text every fallback sends, they are numbered lines the patient answers with a number.
 */
record Reply(String text, List<Option> options, @Nullable String button, @Nullable String hint) {

  /** WhatsApp's limits: rows of a list, reply buttons, and the lengths of their titles. */
  static final int MAX_ROWS = 10;

  static final int MAX_BUTTONS = 3;
  private static final int ROW_TITLE = 24;
  private static final int BUTTON_TITLE = 20;
  private static final int DESCRIPTION = 72;
  private static final int BODY = 1024;
  private static final int TEXT = 4096;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A choice: its id (what an interactive reply names) and title, and an optional line below. */
  record Option(String id, String title, @Nullable String description) {
    Option(String id, String title) {
      this(id, title, null);
    }
  }

  Reply {
    options = List.copyOf(options.subList(0, Math.min(options.size(), MAX_ROWS)));
  }

  static Reply text(String text) {
    return new Reply(text, List.of(), null, null);
  }

  /**
   * A message with options: {@code button} opens a list, {@code hint} says how to answer by text.
   */
  static Reply choice(String text, List<Option> options, String button, String hint) {
    return new Reply(text, options, button, hint);
  }

  /**
   * A turn's replies as the patient should receive them: plain texts said before a choice travel in
   * the choice's own message (and texts said together, in one), so they cannot arrive out of order
   * (each message is sent on its own and may overtake another) and the patient pays attention to
   * one message, not three. Where the joined text would exceed WhatsApp's limit they stay apart.
   */
  static List<Reply> joined(List<Reply> replies) {
    var joined = new ArrayList<Reply>();
    String said = null;
    for (var reply : replies) {
      if (said == null) {
        said = reply.options.isEmpty() ? reply.text : null;
        if (said == null) {
          joined.add(reply);
        }
        continue;
      }
      var together = said + "\n\n" + reply.text;
      var limit = reply.options.isEmpty() ? TEXT : BODY;
      if (together.length() <= limit) {
        if (reply.options.isEmpty()) {
          said = together;
        } else {
          joined.add(new Reply(together, reply.options, reply.button, reply.hint));
          said = null;
        }
      } else {
        joined.add(text(said));
        said = reply.options.isEmpty() ? reply.text : null;
        if (said == null) {
          joined.add(reply);
        }
      }
    }
    if (said != null) {
      joined.add(text(said));
    }
    return joined;
  }

  List<String> ids() {
    return options.stream().map(Option::id).toList();
  }

  /** The text as SMS (and any fallback) sends it: options as numbered lines. */
  String plain() {
    if (options.isEmpty()) {
      return text;
    }
    var lines = new StringBuilder(text).append('\n');
    for (int i = 0; i < options.size(); i++) {
      lines.append('\n').append(i + 1).append(". ").append(options.get(i).title());
    }
    if (hint != null) {
      lines.append("\n\n").append(hint);
    }
    return lines.toString();
  }

  /** The Cloud API's {@code interactive} object (buttons or a list), or null for plain text. */
  @Nullable String interactive() {
    if (options.isEmpty()) {
      return null;
    }
    var interactive = new LinkedHashMap<String, Object>();
    interactive.put("body", Map.of("text", cut(text, BODY)));
    if (options.size() <= MAX_BUTTONS) {
      interactive.put("type", "button");
      var buttons = new ArrayList<Map<String, Object>>();
      for (var option : options) {
        buttons.add(
            Map.of(
                "type",
                "reply",
                "reply",
                Map.of("id", option.id(), "title", cut(option.title(), BUTTON_TITLE))));
      }
      interactive.put("action", Map.of("buttons", buttons));
    } else {
      interactive.put("type", "list");
      var rows = new ArrayList<Map<String, Object>>();
      for (var option : options) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", option.id());
        row.put("title", cut(option.title(), ROW_TITLE));
        if (option.description() != null || option.title().length() > ROW_TITLE) {
          row.put(
              "description",
              cut(
                  option.description() == null ? option.title() : option.description(),
                  DESCRIPTION));
        }
        rows.add(row);
      }
      interactive.put(
          "action",
          Map.of(
              "button",
              cut(button == null ? "…" : button, BUTTON_TITLE),
              "sections",
              List.of(
                  Map.of("title", cut(button == null ? "…" : button, ROW_TITLE), "rows", rows))));
    }
    return JSON.writeValueAsString(interactive);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
