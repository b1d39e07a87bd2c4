package io.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.junit.jupiter.api.Test;

/** The validator the API tests use finds what is wrong, and passes what we serve. */
class FhirValidationTests {

  static final FhirValidation VALIDATION = new FhirValidation();

  @Test
  void theCapabilityStatementAndAnOperationOutcomeValidate() {
    var statement =
        new Capabilities(List.of(SearchParametersTests.TYPE)).statement("http://x/api/fhir/r4");
    VALIDATION.valid(FhirJson.encode(statement));
    var outcome = FhirJson.outcome(ProblemException.invalid("_count", "must be a whole number"));
    assertThat(outcome.getStatusCode().value()).isEqualTo(400);
    VALIDATION.valid(outcome.getBody());
  }

  @Test
  void anInvalidResourceFails() {
    var appointment = new Appointment(); // no status, no participant: both are required
    assertThatThrownBy(() -> VALIDATION.valid(FhirJson.encode(appointment)))
        .isInstanceOf(AssertionError.class);
  }
}
