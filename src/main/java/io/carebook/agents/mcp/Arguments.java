package io.carebook.agents.mcp;

import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A tool call's arguments, read by name: every problem is collected and {@link #check()} refuses
 * them all at once as an {@code invalid-input} problem naming each argument, as the REST API names
 * fields. The tools check their arguments here rather than by the SDK's schema validation, whose
 * refusal is a line of text: this way an agent gets the same problem, field by field, as a REST
 * client.
 */
final class Arguments {

  private final Map<String, Object> values;
  private final Set<String> read = new HashSet<>();
  private final List<ProblemException.FieldError> errors = new ArrayList<>();

  Arguments(@Nullable Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** A text argument, trimmed; null when absent or blank. */
  @Nullable String text(String name) {
    var value = given(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      return invalid(name, "must be a string");
    }
    return text.isBlank() ? null : text.strip();
  }

  /** A text argument that must be there. */
  @Nullable String required(String name) {
    var text = text(name);
    var given = given(name);
    if (text == null && (given == null || given instanceof String)) {
      invalid(name, "is required");
    }
    return text;
  }

  /** An id this server gave (a UUID); null when absent. */
  @Nullable UUID id(String name) {
    var text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return invalid(name, "is not an id this server gave (a UUID such as 0a1b…)");
    }
  }

  /** An id that must be there. */
  @Nullable UUID requiredId(String name) {
    var id = id(name);
    var given = given(name);
    if (id == null && (given == null || given instanceof String text && text.isBlank())) {
      invalid(name, "is required");
    }
    return id;
  }

  /** A local date of the clinic (2026-12-08); null when absent. */
  @Nullable LocalDate date(String name) {
    var text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      return invalid(name, "must be a date as YYYY-MM-DD");
    }
  }

  /**
   * A moment: ISO-8601 with an offset (2026-12-08T09:30:00+02:00, or Z), or a local date and time
   * without one (2026-12-08T09:30), read in the clinic's time zone {@code zone}.
   */
  @Nullable Instant time(String name, ZoneId zone) {
    var text = text(name);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        return invalid(
            name, "must be a date and time such as 2026-12-08T09:30 (clinic time) or with offset");
      }
    }
  }

  /** A slot id as find_availability gives it: the doctor's id and the start. */
  @Nullable SlotId slot(String name) {
    var text = text(name);
    if (text == null) {
      return null;
    }
    var slot = SlotId.parse(text);
    return slot == null ? invalid(name, "is not a slot_id that find_availability gave") : slot;
  }

  /** A whole number between min and max; {@code fallback} when absent. */
  int number(String name, int fallback, int min, int max) {
    var value = given(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || number.longValue() < min
        || number.longValue() > max) {
      invalid(name, "must be a whole number from " + min + " to " + max);
      return fallback;
    }
    return number.intValue();
  }

  /** One of {@code allowed} (upper-cased); {@code fallback} when absent. */
  String oneOf(String name, String fallback, List<String> allowed) {
    var text = text(name);
    if (text == null) {
      return fallback;
    }
    var upper = text.toUpperCase(java.util.Locale.ROOT);
    if (!allowed.contains(upper)) {
      invalid(name, "must be one of " + String.join(", ", allowed));
      return fallback;
    }
    return upper;
  }

  static final String IDEMPOTENCY_KEY = "idempotency_key";

  /**
   * The optional idempotency key of a writing call, 1 to 200 characters as the API's header; null
   * when absent (or wrong, which {@link #check()} then refuses before anything is done).
   */
  @Nullable String idempotencyKey() {
    var key = text(IDEMPOTENCY_KEY);
    if (key != null && key.length() > 200) {
      return invalid(IDEMPOTENCY_KEY, "must have 1 to 200 characters");
    }
    return key;
  }

  /** The arguments without the idempotency key, by name: what a key's reuse is compared by. */
  Map<String, Object> withoutIdempotencyKey() {
    var request = new java.util.TreeMap<String, Object>(values);
    request.remove(IDEMPOTENCY_KEY);
    return request;
  }

  private @Nullable Object given(String name) {
    read.add(name);
    return values.get(name);
  }

  /** Records a problem of an argument that was given; answers null for the caller's convenience. */
  <T> @Nullable T invalid(String name, String message) {
    errors.add(new ProblemException.FieldError(name, message));
    return null;
  }

  /**
   * Refuses the call naming every argument that was wrong, and every argument the tool does not
   * take (a misspelt name must not be ignored: "doctorId" for "doctor_id" would book anyone).
   */
  void check() {
    values.keySet().stream()
        .filter(name -> !read.contains(name))
        .sorted()
        .forEach(name -> invalid(name, "is not an argument of this tool"));
    read.addAll(values.keySet());
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "Some arguments are invalid.", errors);
    }
  }

  /** A bookable time: whose and when, as one id (doctor@start, the start in UTC). */
  record SlotId(UserId doctor, Instant startsAt) {

    static String of(UserId doctor, Instant startsAt) {
      return doctor.value() + "@" + startsAt;
    }

    static @Nullable SlotId parse(String text) {
      var at = text.indexOf('@');
      if (at < 0) {
        return null;
      }
      try {
        return new SlotId(
            new UserId(UUID.fromString(text.substring(0, at))),
            Instant.parse(text.substring(at + 1)));
      } catch (IllegalArgumentException | DateTimeException e) {
        return null;
      }
    }
  }
}
