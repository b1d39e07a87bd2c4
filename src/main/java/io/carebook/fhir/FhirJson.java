package io.carebook.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.carebook.scheduling.SlotTakenException;
import io.carebook.shared.ProblemException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Resources written as {@code application/fhir+json} with HAPI's parser, and errors as FHIR's
 * problem shape, an {@code OperationOutcome}, with the HTTP status that says what went wrong: the
 * problem's type and a refusing booking rule ({@code policy}) as the issue's {@code details}
 * codings, its text as {@code diagnostics}, each invalid field as an issue with its {@code
 * expression}.
 */
final class FhirJson {

  static final MediaType FHIR_JSON =
      MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

  /** The code system of our problem types (the {@code /problems/<kind>} of the API's problems). */
  static final String PROBLEM_SYSTEM = "urn:carebook:problem";

  /** The code system of the booking rules that refuse ({@code policy} in the API's problems). */
  static final String POLICY_SYSTEM = "urn:carebook:booking-policy";

  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private FhirJson() {}

  static ResponseEntity<String> ok(IBaseResource resource) {
    return respond(HttpStatus.OK, resource);
  }

  static String encode(IBaseResource resource) {
    return CONTEXT.newJsonParser().encodeResourceToString(resource);
  }

  /** A resource of {@code type} from a request body; 400 for anything else or unknown elements. */
  static <T extends Resource> T parse(Class<T> type, String body) {
    var parser = CONTEXT.newJsonParser();
    parser.setParserErrorHandler(new StrictErrorHandler());
    try {
      return parser.parseResource(type, body);
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "malformed-request",
          "The body is not a FHIR R4 "
              + type.getSimpleName()
              + " in JSON: "
              + String.valueOf(e.getMessage()));
    }
  }

  static ResponseEntity<String> outcome(ProblemException problem) {
    var outcome =
        outcome(
            problem.status(),
            problem.kind(),
            problem.getMessage(),
            (String) problem.properties().get("policy"),
            problem.errors());
    if (problem instanceof SlotTakenException taken) {
      for (var alternative : taken.alternatives()) {
        outcome
            .addIssue()
            .setSeverity(IssueSeverity.INFORMATION)
            .setCode(IssueType.INFORMATIONAL)
            .setDiagnostics(
                "Free instead: Practitioner/"
                    + alternative.doctorId()
                    + " from "
                    + alternative.startsAt()
                    + " to "
                    + alternative.endsAt());
      }
    }
    var response = ResponseEntity.status(problem.status()).contentType(FHIR_JSON);
    problem.headers().forEach(response::header);
    return response.body(encode(outcome));
  }

  /**
   * The OperationOutcome of a problem: one issue for the problem itself, or one per invalid field.
   */
  static OperationOutcome outcome(
      HttpStatusCode status,
      @Nullable String kind,
      @Nullable String detail,
      @Nullable String policy,
      List<ProblemException.FieldError> errors) {
    var outcome = new OperationOutcome();
    var code = issueType(status);
    var details = new CodeableConcept();
    if (kind != null) {
      details.addCoding(new Coding(PROBLEM_SYSTEM, kind, null));
    }
    if (policy != null) {
      details.addCoding(new Coding(POLICY_SYSTEM, policy, null));
    }
    if (errors.isEmpty()) {
      var text = detail == null ? status.toString() : detail;
      if (policy != null) {
        text += " (refused by the booking rule " + policy + ")";
      }
      details.setText(text);
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(code)
          .setDetails(details)
          .setDiagnostics(text);
    }
    for (var error : errors) {
      var issue =
          outcome
              .addIssue()
              .setSeverity(IssueSeverity.ERROR)
              .setCode(code)
              .setDetails(details.copy().setText(error.field() + " " + error.message()))
              .setDiagnostics(error.field() + " " + error.message());
      if (error.field().startsWith("Appointment.")) {
        issue.addExpression(error.field());
      }
    }
    return outcome;
  }

  static ResponseEntity<String> notFound(String message) {
    var outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.NOTFOUND)
        .setDetails(new CodeableConcept(new Coding(PROBLEM_SYSTEM, "not-found", null)))
        .setDiagnostics(message);
    return respond(HttpStatus.NOT_FOUND, outcome);
  }

  private static IssueType issueType(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> IssueType.INVALID;
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404 -> IssueType.NOTFOUND;
      case 405, 406, 415 -> IssueType.NOTSUPPORTED;
      case 409, 412 -> IssueType.CONFLICT;
      case 413 -> IssueType.TOOLONG;
      case 422 -> IssueType.BUSINESSRULE;
      case 429 -> IssueType.THROTTLED;
      case 503 -> IssueType.TRANSIENT;
      default -> status.is4xxClientError() ? IssueType.PROCESSING : IssueType.EXCEPTION;
    };
  }

  static ResponseEntity<String> respond(HttpStatusCode status, IBaseResource resource) {
    return ResponseEntity.status(status).contentType(FHIR_JSON).body(encode(resource));
  }
}
