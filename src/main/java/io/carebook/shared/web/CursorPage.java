package io.carebook.shared.web;

import io.carebook.shared.ProblemException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, the one shape every list of the API answers: {@code items}, and {@code next},
 * the opaque cursor of the following page (null on the last). A client passes {@code ?limit=} (1 to
 * {@value #MAX}, {@value #DEFAULT} unless given) and the {@code next} it was given as {@code
 * ?cursor=}; a cursor this API never gave (edited, truncated) is a 400 problem.
 *
 * <p>A cursor names the last item's sort key (its id where the order is by id), base64url-encoded
 * with a short checksum, so that a page begins after that key whatever was added or removed before
 * it: no offsets. Lists that grow without bound in a clinic's life page in SQL by that key (a
 * {@link Keyset} of an instant and an id, or a number): the query reads {@code limit + 1} rows
 * after the key through an index in the list's order and {@link #ofOneMore} cuts the page. They are
 * the invoices and dues, the patient search, appointments, the waitlist, a chart's documents, a
 * patient's history, an import's outcomes, failed messages, and the webhook endpoints and
 * deliveries (their own cursor, webhooks.WebhookEndpoints); KeysetPlansTests EXPLAINs each.
 *
 * <p>Lists bounded by nature page here, in memory, by the same rule ({@link #of}, {@link
 * #wholeUnlessLimited}), since reading them whole costs no more than a page:
 *
 * <ul>
 *   <li>a clinic's staff, pending invitations, API keys, doctors, service types and note templates
 *       (a few dozen at most, set by hand by the owner);
 *   <li>a doctor's weekly hours (a few rows a weekday) and time off (current and future entries
 *       only);
 *   <li>availability (the slots of the days asked for, computed, not stored);
 *   <li>a patient's allergies and medications (a handful a chart, in use only) and the patients
 *       similar to one being registered (a few best matches).
 * </ul>
 */
public record CursorPage<T>(
    List<T> items,
    @Schema(
            description = "pass as 'cursor' for the next page; null on the last",
            example = "MTIzNDU2Nzg5MC4xYTJiM2M")
        @Nullable String next) {

  /** The page size unless the client names one. */
  public static final int DEFAULT = 50;

  /** The largest page a client may ask for. */
  public static final int MAX = 200;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /**
   * A list /api/v1 answered whole before it took a limit: still whole without {@code ?limit=} and
   * {@code ?cursor=} (the v1 promise, docs/api/versioning.md), paged like any other with either.
   */
  public static <T> CursorPage<T> wholeUnlessLimited(
      List<T> all, @Nullable Integer limit, @Nullable String cursor, Function<? super T, ?> key) {
    if (askedWhole(limit, cursor)) {
      return whole(all);
    }
    return of(all, limit == null ? DEFAULT : limit, cursor, key);
  }

  /**
   * Whether a list /api/v1 answered whole before it took a limit is asked for whole: neither {@code
   * ?limit=} nor {@code ?cursor=} (the v1 promise, docs/api/versioning.md).
   */
  public static boolean askedWhole(@Nullable Integer limit, @Nullable String cursor) {
    return limit == null && (cursor == null || cursor.isBlank());
  }

  /** The page size of a list that took no limit before: {@value #DEFAULT} unless given. */
  public static int limitOrDefault(@Nullable Integer limit) {
    return limit(limit == null ? DEFAULT : limit);
  }

  /** The number a cursor names, for lists ordered by a number (an import's rows); 400 if none. */
  public static @Nullable Integer afterNumber(@Nullable String cursor) {
    var key = decode(cursor);
    if (key == null) {
      return null;
    }
    try {
      return Integer.valueOf(key);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("cursor", "is not a cursor of this list");
    }
  }

  /** This page with each item turned into another, the cursor kept. */
  public <R> CursorPage<R> map(Function<? super T, ? extends R> mapper) {
    return new CursorPage<>(items.stream().<R>map(mapper).toList(), next);
  }

  /** The one page of a list that fits in one: no cursor to follow. */
  public static <T> CursorPage<T> whole(List<T> items) {
    return new CursorPage<>(List.copyOf(items), null);
  }

  /**
   * The page of rows a keyset query read after the cursor's key, asking for one more than {@code
   * limit}: the extra row only tells that another page follows.
   */
  public static <T> CursorPage<T> ofOneMore(List<T> rows, int limit, Function<? super T, ?> key) {
    if (rows.size() <= limit) {
      return new CursorPage<>(List.copyOf(rows), null);
    }
    var items = rows.subList(0, limit);
    return new CursorPage<>(List.copyOf(items), encode(String.valueOf(key.apply(items.getLast()))));
  }

  /**
   * The page of {@code all} (in its order, each item's {@code key} unique) after the item the
   * cursor names, or the first page without one.
   */
  public static <T> CursorPage<T> of(
      List<T> all, int limit, @Nullable String cursor, Function<? super T, ?> key) {
    var size = limit(limit);
    var start = 0;
    var after = decode(cursor);
    if (after != null) {
      start = -1;
      for (int i = 0; i < all.size(); i++) {
        if (String.valueOf(key.apply(all.get(i))).equals(after)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw ProblemException.invalid(
            "cursor", "names an item no longer in this list; start again without a cursor");
      }
    }
    var end = Math.min(all.size(), start + size);
    var items = all.subList(start, end);
    var next = end < all.size() ? encode(String.valueOf(key.apply(items.getLast()))) : null;
    return new CursorPage<>(List.copyOf(items), next);
  }

  /**
   * The cursor of a list that took {@code ?after=} before {@code ?cursor=} was the rule: {@code
   * cursor} if given, else {@code after}, which may be a cursor or the raw id older pages gave.
   */
  public static @Nullable String cursorOrAfter(@Nullable String cursor, @Nullable String after) {
    if (cursor != null && !cursor.isBlank()) {
      return cursor;
    }
    if (after == null || after.isBlank()) {
      return null;
    }
    try {
      decode(after);
      return after;
    } catch (ProblemException notACursor) {
      return encode(after.strip());
    }
  }

  /** The page size a client asked for, checked: 1 to {@value #MAX}. */
  public static int limit(int limit) {
    if (limit < 1 || limit > MAX) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX);
    }
    return limit;
  }

  /** The opaque cursor of a sort key. */
  public static String encode(String key) {
    var bytes = key.getBytes(StandardCharsets.UTF_8);
    var out = Arrays.copyOf(bytes, bytes.length + CHECK);
    System.arraycopy(checksum(bytes), 0, out, bytes.length, CHECK);
    return ENCODER.encodeToString(out);
  }

  /** The sort key a cursor names, null without one; 400 for a cursor this API never gave. */
  public static @Nullable String decode(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      var bytes = DECODER.decode(cursor.strip());
      if (bytes.length > CHECK) {
        var key = Arrays.copyOf(bytes, bytes.length - CHECK);
        var sum = Arrays.copyOfRange(bytes, bytes.length - CHECK, bytes.length);
        if (MessageDigest.isEqual(sum, checksum(key))) {
          return new String(key, StandardCharsets.UTF_8);
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64url: answered below
    }
    throw ProblemException.invalid("cursor", "is not a cursor this API returned");
  }

  private static final int CHECK = 6;

  /** A checksum against edited cursors (not a secret: a cursor only moves within one's list). */
  private static byte[] checksum(byte[] key) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update("carebook-cursor".getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(digest.digest(key), CHECK);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
