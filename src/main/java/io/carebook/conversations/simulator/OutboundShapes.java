package io.carebook.conversations.simulator;

import io.carebook.conversations.simulator.ChatLine.Kind;
import io.carebook.conversations.simulator.ChatLine.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Cloud API's send payloads the fake accepts, checked with Meta's own limits so a message that
 * the real API would refuse is refused here too: text (up to 4096 characters), an interactive list
 * (a button of up to 20 characters opening up to 10 rows of up to 24), interactive reply buttons
 * (1-3, up to 20 characters each), and a template (a name, a language, body parameters).
 */
final class OutboundShapes {

  /** A payload the real Cloud API would refuse, with Meta's explanation. */
  static final class Refused extends RuntimeException {
    Refused(String details) {
      super(details);
    }
  }

  private OutboundShapes() {}

  static ChatLine read(JsonNode payload, String id, Instant at) {
    require(
        "whatsapp".equals(payload.path("messaging_product").asString("")),
        "messaging_product must be whatsapp");
    require(!payload.path("to").asString("").isBlank(), "to is required");
    return switch (payload.path("type").asString("text")) {
      case "text" -> text(payload.path("text"), id, at);
      case "interactive" -> interactive(payload.path("interactive"), id, at);
      case "template" -> template(payload.path("template"), id, at);
      default ->
          throw new Refused("type " + payload.path("type").asString("") + " is not simulated");
    };
  }

  private static ChatLine text(JsonNode text, String id, Instant at) {
    var body = text.path("body").asString("");
    require(!body.isBlank() && body.length() <= 4096, "text.body must be 1-4096 characters");
    return new ChatLine(id, false, Kind.TEXT, body, null, null, null, List.of(), at, "sent");
  }

  private static ChatLine interactive(JsonNode interactive, String id, Instant at) {
    var body = interactive.path("body").path("text").asString("");
    require(
        !body.isBlank() && body.length() <= 1024,
        "interactive.body.text must be 1-1024 characters");
    var header = optional(interactive.path("header").path("text"));
    var footer = optional(interactive.path("footer").path("text"));
    var action = interactive.path("action");
    return switch (interactive.path("type").asString("")) {
      case "list" -> {
        var button = action.path("button").asString("");
        require(
            !button.isBlank() && button.length() <= 20, "action.button must be 1-20 characters");
        yield new ChatLine(
            id, false, Kind.LIST, body, header, footer, button, rows(action), at, "sent");
      }
      case "button" ->
          new ChatLine(
              id, false, Kind.BUTTONS, body, header, footer, null, buttons(action), at, "sent");
      default -> throw new Refused("interactive.type must be list or button");
    };
  }

  private static List<Option> rows(JsonNode action) {
    var rows = new ArrayList<Option>();
    for (var section : action.path("sections")) {
      var title = optional(section.path("title"));
      for (var row : section.path("rows")) {
        var rowTitle = row.path("title").asString("");
        require(
            !rowTitle.isBlank() && rowTitle.length() <= 24,
            "a row's title must be 1-24 characters");
        rows.add(new Option(idOf(row), rowTitle, optional(row.path("description")), title));
      }
    }
    require(!rows.isEmpty() && rows.size() <= 10, "a list must have 1-10 rows");
    return rows;
  }

  private static List<Option> buttons(JsonNode action) {
    var buttons = new ArrayList<Option>();
    for (var button : action.path("buttons")) {
      var reply = button.path("reply");
      var title = reply.path("title").asString("");
      require(!title.isBlank() && title.length() <= 20, "a button's title must be 1-20 characters");
      buttons.add(new Option(idOf(reply), title, null, null));
    }
    require(!buttons.isEmpty() && buttons.size() <= 3, "there must be 1-3 buttons");
    return buttons;
  }

  private static ChatLine template(JsonNode template, String id, Instant at) {
    var name = template.path("name").asString("");
    require(!name.isBlank(), "template.name is required");
    require(
        !template.path("language").path("code").asString("").isBlank(),
        "template.language.code is required");
    var parameters = new ArrayList<String>();
    for (var component : template.path("components")) {
      for (var parameter : component.path("parameters")) {
        parameters.add(parameter.path("text").asString(""));
      }
    }
    return new ChatLine(
        id,
        false,
        Kind.TEMPLATE,
        String.join(" · ", parameters),
        name,
        null,
        null,
        List.of(),
        at,
        "sent");
  }

  private static String idOf(JsonNode option) {
    var id = option.path("id").asString("");
    require(!id.isBlank() && id.length() <= 256, "every row and button needs an id");
    return id;
  }

  private static @Nullable String optional(JsonNode node) {
    var text = node.asString("");
    return text.isBlank() ? null : text;
  }

  private static void require(boolean holds, String details) {
    if (!holds) {
      throw new Refused(details);
    }
  }
}
