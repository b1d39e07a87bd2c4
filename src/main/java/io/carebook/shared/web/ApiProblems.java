package io.carebook.shared.web;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.ProblemException.FieldError;
import io.carebook.shared.Problems;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error as an RFC 9457 problem: a stable {@code type}, a human {@code detail}, and {@code
 * errors[]} naming each invalid field. A bad request never becomes a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    var response = ResponseEntity.status(e.status());
    e.headers().forEach(response::header);
    var body = problem(e.status(), e.kind(), e.getMessage(), e.errors());
    e.properties().forEach(body::setProperty);
    return response.body(body);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return respond(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of()));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
    return respond(
        problem(
            HttpStatus.PRECONDITION_FAILED,
            "stale-write",
            "The record changed since you read it; read it again and retry.",
            List.of()));
  }

  /** No database connection in time: busy or unreachable, so come back soon (see Overloaded). */
  @ExceptionHandler({
    CannotCreateTransactionException.class,
    CannotGetJdbcConnectionException.class,
    SQLTransientConnectionException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("No database connection: {}", e.getMessage());
    var status = HttpStatus.SERVICE_UNAVAILABLE;
    return ResponseEntity.status(status)
        .header("Retry-After", Overloaded.RETRY_AFTER_SECONDS)
        .body(
            problem(
                status,
                FrameworkProblems.kind(status),
                FrameworkProblems.detail(status),
                List.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (Overloaded.noConnection(e) != null) {
      return unavailable(e);
    }
    log.error("Unexpected error", e);
    return respond(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on our side; nothing was saved.",
            List.of()));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
            .toList();
    return invalid(errors);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            m ->
                                new FieldError(
                                    r.getMethodParameter().getParameterName() + "",
                                    String.valueOf(m.getDefaultMessage()))))
            .toList();
    return invalid(errors);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedBy(e, BodySizeLimit.TooLarge.class) != null) {
      var tooLarge = HttpStatus.PAYLOAD_TOO_LARGE;
      return ResponseEntity.status(tooLarge)
          .body(
              problem(
                  tooLarge,
                  FrameworkProblems.kind(tooLarge),
                  FrameworkProblems.detail(tooLarge),
                  List.of()));
    }
    var mismatch = causedBy(e, MismatchedInputException.class);
    var field = mismatch == null ? "" : fieldOf(mismatch);
    if (!field.isEmpty()) {
      var message =
          mismatch instanceof UnrecognizedPropertyException
              ? "is not a field of this request"
              : "has the wrong type";
      return invalid(List.of(new FieldError(field, message)));
    }
    var detail =
        String.valueOf(e.getMessage()).startsWith("Required request body is missing")
            ? "This request needs a JSON body."
            : "The request body is not valid JSON of the expected shape.";
    var body = problem(HttpStatus.BAD_REQUEST, "malformed-request", detail, List.of());
    return ResponseEntity.badRequest().body(body);
  }

  /**
   * What the framework answers by itself (a path id of the wrong type, a missing parameter, an
   * upload too large) gets a stable {@code type} like every other problem.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (body instanceof ProblemDetail problem
        && URI.create("about:blank").equals(problem.getType())) {
      problem.setType(FrameworkProblems.type(status));
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private static <T extends Throwable> @Nullable T causedBy(Throwable e, Class<T> kind) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return kind.cast(cause);
      }
    }
    return null;
  }

  /** The field a body could not be read at, dotted ("patient.fullName", "items[2].dose"). */
  private static String fieldOf(MismatchedInputException e) {
    var field = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private ResponseEntity<Object> invalid(List<FieldError> errors) {
    var body =
        problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    return ResponseEntity.badRequest().body(body);
  }

  static ProblemDetail problem(
      HttpStatusCode status, String kind, String detail, List<FieldError> errors) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(Problems.type(kind));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
