package io.carebook.conversations.simulator;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One bubble of a simulated chat: what the clinic sent through the fake Cloud API (text, a list,
 * reply buttons or a template) or what the patient typed or tapped.
 *
 * @param id the WhatsApp message id ({@code wamid.…})
 * @param fromPatient true for the patient's own messages
 * @param kind TEXT, LIST, BUTTONS, TEMPLATE, or for the patient's taps LIST_REPLY, BUTTON_REPLY
 * @param text the text shown: body, the tapped option's title, or the template's parameters
 * @param header a list's or buttons' header, or the template's name
 * @param footer a list's or buttons' footer
 * @param button the label of the button that opens a list's rows
 * @param options a list's rows or the reply buttons
 * @param state for the patient's messages: whether the clinic's webhook took it ("delivered") or
 *     what it answered ("HTTP 401"); for the clinic's, the last status posted back ("delivered",
 *     "read")
 */
record ChatLine(
    String id,
    boolean fromPatient,
    Kind kind,
    String text,
    @Nullable String header,
    @Nullable String footer,
    @Nullable String button,
    List<Option> options,
    Instant at,
    String state) {

  enum Kind {
    TEXT,
    LIST,
    BUTTONS,
    TEMPLATE,
    LIST_REPLY,
    BUTTON_REPLY
  }

  /** A list row or a reply button: the id the clinic gave it and the title the patient sees. */
  record Option(String id, String title, @Nullable String description, @Nullable String section) {}

  ChatLine {
    options = List.copyOf(options);
  }

  ChatLine withState(String newState) {
    return new ChatLine(id, fromPatient, kind, text, header, footer, button, options, at, newState);
  }

  boolean hasOptions() {
    return !options.isEmpty();
  }
}
