package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The duplicate rule matched: this phone and name already belong to a patient. */
public class DuplicatePatientException extends ProblemException {

  private final PatientId existing;

  public DuplicatePatientException(PatientId existing) {
    super(
        HttpStatus.CONFLICT,
        "duplicate-patient",
        "A patient with this phone number and name is already registered: " + existing + ".");
    this.existing = existing;
  }

  public PatientId existing() {
    return existing;
  }
}
