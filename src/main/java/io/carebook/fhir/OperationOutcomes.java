package io.carebook.fhir;

import io.carebook.shared.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error under {@code /api/fhir/} as an {@code OperationOutcome}, also those decided before
 * the FHIR controller (no or a bad key: 401; a permission: 403; the organization's rate limit: 429
 * with its Retry-After; an unknown address: 404; a method or content type not taken: 405, 415; a
 * body too large: 413; Carebook too busy: 503): the API's RFC 9457 problem those answer with is
 * rewritten as FHIR's problem shape, its status and headers kept, and an error sent without a body
 * ({@code sendError}) gets one instead of the container's error page. The FHIR controller's own
 * answers pass unchanged. Wraps only {@code /api/fhir/*}, outside the security chain.
 */
final class OperationOutcomes extends OncePerRequestFilter {

  private final JsonMapper json;

  OperationOutcomes(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var recorded = new Recorded(response);
    chain.doFilter(request, recorded);
    var status = recorded.getStatus();
    var type = recorded.getContentType();
    if (status < 400 || (type != null && type.startsWith("application/fhir+json"))) {
      recorded.copyBodyToResponse();
      return;
    }
    var outcome = outcome(HttpStatus.valueOf(status), recorded);
    var body = FhirJson.encode(outcome).getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(FhirJson.FHIR_JSON.toString());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The problem the answer carries (type, detail, field errors, policy) as an OperationOutcome. */
  private org.hl7.fhir.r4.model.OperationOutcome outcome(HttpStatusCode status, Recorded recorded) {
    var problem = problem(recorded.getContentAsByteArray());
    var kind = kind(problem == null ? null : text(problem, "type"));
    var detail = problem == null ? null : text(problem, "detail");
    var policy = problem == null ? null : text(problem, "policy");
    var errors = new ArrayList<ProblemException.FieldError>();
    if (problem != null) {
      for (var error : problem.path("errors")) {
        errors.add(
            new ProblemException.FieldError(
                error.path("field").asString(""), error.path("message").asString("")));
      }
    }
    if (detail == null) {
      detail = defaultDetail(status);
    }
    return FhirJson.outcome(status, kind, detail, policy, List.copyOf(errors));
  }

  private @Nullable JsonNode problem(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      var node = json.readTree(body);
      return node.isObject() ? node : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
  }

  /** The kind of a problem type ({@code /problems/rate-limited} → {@code rate-limited}). */
  private static @Nullable String kind(@Nullable String type) {
    if (type == null || type.equals("about:blank")) {
      return null;
    }
    return type.substring(type.lastIndexOf('/') + 1);
  }

  private static String defaultDetail(HttpStatusCode status) {
    return switch (status.value()) {
      case 401 -> "Send an access token (Authorization: Bearer …) or an API key (X-API-Key).";
      case 403 -> "You may not do this in this clinic.";
      case 404 -> "This address does not exist on this FHIR server; see /api/fhir/r4/metadata.";
      case 405 -> "This address does not take this HTTP method; see /api/fhir/r4/metadata.";
      case 406 -> "This server answers application/fhir+json only.";
      case 413 -> "The request body is larger than this address accepts.";
      case 415 -> "Send the resource as application/fhir+json.";
      case 429 -> "Too many requests; wait a little and try again.";
      default ->
          status.is5xxServerError()
              ? "Something went wrong on our side; nothing was saved."
              : "The request was refused.";
    };
  }

  /** The answer, kept until it is known to be an error; an error sent bare is kept, not sent. */
  private static final class Recorded extends ContentCachingResponseWrapper {

    Recorded(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    @Override
    public void sendError(int status, @Nullable String message) {
      setStatus(status); // the framework's message may name internals: the outcome says it plainly
    }
  }
}
