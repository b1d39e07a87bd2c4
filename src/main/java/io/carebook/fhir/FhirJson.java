package io.carebook.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.carebook.shared.ProblemException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Resources written as {@code application/fhir+json} with HAPI's parser, and errors as FHIR's
 * problem shape, an {@code OperationOutcome}, with the HTTP status that says what went wrong.
 */
final class FhirJson {

  static final MediaType FHIR_JSON =
      MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private FhirJson() {}

  static ResponseEntity<String> ok(IBaseResource resource) {
    return respond(HttpStatus.OK, resource);
  }

  static String encode(IBaseResource resource) {
    return CONTEXT.newJsonParser().encodeResourceToString(resource);
  }

  static ResponseEntity<String> outcome(ProblemException problem) {
    var outcome = new OperationOutcome();
    var code = issueType(problem.status());
    if (problem.errors().isEmpty()) {
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(code)
          .setDiagnostics(problem.getMessage());
    }
    for (var error : problem.errors()) {
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(code)
          .setDiagnostics(error.field() + " " + error.message());
    }
    return respond(problem.status(), outcome);
  }

  static ResponseEntity<String> notFound(String message) {
    var outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.NOTFOUND)
        .setDiagnostics(message);
    return respond(HttpStatus.NOT_FOUND, outcome);
  }

  private static IssueType issueType(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> IssueType.INVALID;
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404 -> IssueType.NOTFOUND;
      case 409, 412 -> IssueType.CONFLICT;
      case 429 -> IssueType.THROTTLED;
      default -> status.is4xxClientError() ? IssueType.PROCESSING : IssueType.EXCEPTION;
    };
  }

  private static ResponseEntity<String> respond(HttpStatusCode status, IBaseResource resource) {
    return ResponseEntity.status(status).contentType(FHIR_JSON).body(encode(resource));
  }
}
