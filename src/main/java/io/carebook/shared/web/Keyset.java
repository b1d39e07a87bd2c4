package io.carebook.shared.web;

import io.carebook.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where a keyset page of a list ordered by an instant, then id (an appointment's start, a
 * document's upload) begins: after the last item the previous page showed. A query reads {@code
 * (at, id) > (?, ?)} (or {@code <} newest first) and {@code limit + 1} rows through an index on
 * those columns; {@link CursorPage#ofOneMore} cuts the page and names its last item with {@link
 * #of}.
 *
 * <p>Inside a cursor the key reads {@code <instant>|<id>}. A bare id (the cursor of a list paged in
 * memory before, or a raw {@code ?after=}) is still understood where the list can look up that
 * item's instant ({@link #after(String, Function)}).
 */
public record Keyset(Instant at, UUID id) {

  /** The sort key of the item a page ends with, to pass to {@link CursorPage#ofOneMore}. */
  public static String of(Instant at, UUID id) {
    return at + "|" + id;
  }

  /** The key a cursor names; null without a cursor; 400 for a cursor this list never gave. */
  public static @Nullable Keyset after(@Nullable String cursor) {
    return after(cursor, id -> Optional.empty());
  }

  /**
   * As {@link #after(String)}, and a cursor naming a bare id begins after that item, its instant
   * looked up (in the caller's tenant: another organization's item is not found); 400 when it is
   * gone.
   */
  public static @Nullable Keyset after(
      @Nullable String cursor, Function<UUID, Optional<Instant>> instantOf) {
    var key = CursorPage.decode(cursor);
    if (key == null) {
      return null;
    }
    var bar = key.indexOf('|');
    try {
      if (bar < 0) {
        var id = UUID.fromString(key);
        return instantOf
            .apply(id)
            .map(at -> new Keyset(at, id))
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "cursor",
                        "names an item no longer in this list; start again without a cursor"));
      }
      return new Keyset(
          Instant.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw ProblemException.invalid("cursor", "is not a cursor of this list");
    }
  }

  /** The instant as a JDBC parameter. */
  public Timestamp timestamp() {
    return Timestamp.from(at);
  }
}
