package io.carebook.shared.web;

import io.carebook.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A record's version as its ETag, and the If-Match a client sends back to change what it read: the
 * one way every API writes and reads them. Where If-Match is required (patients, allergies,
 * medications) its absence is 428 {@code if-match-required} and a value we never sent is 412 {@code
 * stale-write}; where it is optional (the SOAP note's draft) a bad value is 400.
 */
public final class ETags {

  private ETags() {}

  /** The ETag of a version: {@code "3"}. */
  public static String of(int version) {
    return "\"" + version + "\"";
  }

  /** The version a required If-Match names (weak or strong). */
  public static int required(@Nullable String ifMatch) {
    if (ifMatch == null) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_REQUIRED,
          "if-match-required",
          "Send the ETag you read as If-Match, so that no change is overwritten unseen.");
    }
    var version = parse(ifMatch);
    if (version == null) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          "stale-write",
          "The If-Match value is not an ETag we sent.");
    }
    return version;
  }

  /**
   * Checks a required If-Match against the record's current version: 428 {@code if-match-required}
   * without one, 412 {@code stale-write} when it names another version.
   */
  public static void check(@Nullable String ifMatch, int current) {
    if (required(ifMatch) != current) {
      throw stale();
    }
  }

  /**
   * Checks an If-Match where clients that send none are still served (the operations
   * docs/api/conventions.md lists as "If-Match accepted, not yet required"): a stale one is 412, a
   * missing one passes.
   */
  public static void checkIfSent(@Nullable String ifMatch, int current) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      check(ifMatch, current);
    }
  }

  /** {@link #checkIfSent(String, int)}, reading the current version only when one was sent. */
  public static void checkIfSent(@Nullable String ifMatch, java.util.function.IntSupplier current) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      check(ifMatch, current.getAsInt());
    }
  }

  private static ProblemException stale() {
    return new ProblemException(
        HttpStatus.PRECONDITION_FAILED,
        "stale-write",
        "The record changed since you read it: read it again and send its new ETag as If-Match.");
  }

  /**
   * The version an If-Match names, or null when none was sent (accepted on /api/v1); a value this
   * API never sent is 412 {@code stale-write}. Pass it to the write, which calls {@link
   * #expect(Integer, int)} with the version it locked, so the check and the change are one
   * transaction.
   */
  public static @Nullable Integer sent(@Nullable String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? null : required(ifMatch);
  }

  /**
   * Refuses (412 {@code stale-write}) a write that expected another version than the record's
   * current one, read under the write's lock; {@code null} (no If-Match sent) expects none.
   */
  public static void expect(@Nullable Integer expected, int current) {
    if (expected != null && expected != current) {
      throw stale();
    }
  }

  /** The version an optional If-Match names, or null without one. */
  public static @Nullable Integer optional(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    var version = parse(ifMatch);
    if (version == null) {
      throw ProblemException.invalid("If-Match", "is not a version this API gave");
    }
    return version;
  }

  private static @Nullable Integer parse(String ifMatch) {
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
