package io.carebook.shared.web;

import io.carebook.shared.Problems;
import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The problem {@code type} and wording for an error the framework decided before or around our code
 * (no such address, a method or content type it does not take, a body too large or unreadable), so
 * these answer with the same kind of problem as every other API error.
 */
final class FrameworkProblems {

  private FrameworkProblems() {}

  static URI type(HttpStatusCode status) {
    return Problems.type(kind(status));
  }

  static String kind(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "malformed-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "rate-limited";
      case 503 -> "unavailable";
      default -> status.is5xxServerError() ? "internal" : "request-refused";
    };
  }

  static String detail(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "The request could not be read: check its body, parameters and headers.";
      case 401 -> "Sign in first: send a valid access token.";
      case 403 -> "You may not do this in this clinic.";
      case 404 -> "This address or record does not exist, or is not yours to see.";
      case 405 -> "This address does not take this HTTP method.";
      case 406 -> "This address cannot answer in the format that Accept asks for.";
      case 413 -> "The request body is larger than this address accepts.";
      case 415 -> "This address does not take a body of this content type.";
      case 429 -> "Too many requests; wait a little and try again.";
      case 503 ->
          "Carebook is too busy to answer right now; nothing was saved. Try again in a few seconds.";
      default ->
          status.is5xxServerError()
              ? "Something went wrong on our side; nothing was saved."
              : "The request was refused.";
    };
  }
}
