package io.carebook.conversations.simulator;

import io.carebook.conversations.simulator.ChatLine.Kind;
import io.carebook.conversations.simulator.ChatLine.Option;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the patient did on the phone, as a chat line: typed text, or a tapped row or button. */
final class PatientLines {

  private PatientLines() {}

  /** The line, or empty when there is nothing to send (blank text, an option without an id). */
  static Optional<ChatLine> of(
      @Nullable String kind,
      String text,
      @Nullable String optionId,
      @Nullable String optionTitle,
      Instant at) {
    var id = CloudApiFake.newMessageId();
    if (("list".equals(kind) || "button".equals(kind)) && optionId != null && optionTitle != null) {
      var tapped = new Option(optionId, optionTitle, null, null);
      var lineKind = "list".equals(kind) ? Kind.LIST_REPLY : Kind.BUTTON_REPLY;
      return Optional.of(
          new ChatLine(
              id, true, lineKind, optionTitle, null, null, null, List.of(tapped), at, "…"));
    }
    var typed = text.strip();
    if (typed.isEmpty() || typed.length() > 4096) {
      return Optional.empty();
    }
    return Optional.of(
        new ChatLine(id, true, Kind.TEXT, typed, null, null, null, List.of(), at, "…"));
  }
}
