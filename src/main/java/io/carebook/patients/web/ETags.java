package io.carebook.patients.web;

import io.carebook.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Versions as ETags, and the If-Match a client must send to change what it read. */
final class ETags {

  private ETags() {}

  static String of(int version) {
    return "\"" + version + "\"";
  }

  static int version(@Nullable String ifMatch) {
    if (ifMatch == null) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_REQUIRED,
          "if-match-required",
          "Send the ETag you read as If-Match, so that no change is overwritten unseen.");
    }
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          "stale-write",
          "The If-Match value is not an ETag we sent.");
    }
  }
}
