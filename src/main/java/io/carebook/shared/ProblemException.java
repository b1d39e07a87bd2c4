package io.carebook.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A business rule refused a request. Rendered as an RFC 9457 problem with a stable {@code type} of
 * {@code /problems/<kind>}, so clients can branch on it.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String kind;
  private final List<FieldError> errors;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ProblemException(HttpStatus status, String kind, String detail) {
    this(status, kind, detail, List.of());
  }

  public ProblemException(HttpStatus status, String kind, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "invalid-input",
        "The request has invalid fields.",
        List.of(new FieldError(field, message)));
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return Problems.type(kind);
  }

  public String kind() {
    return kind;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Adds a response header, such as Retry-After. */
  public ProblemException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  /** Adds a member to the problem document, such as the alternatives to a taken slot. */
  public ProblemException property(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  /** One invalid field of a request, with a message a person can act on. */
  public record FieldError(String field, String message) {}
}
