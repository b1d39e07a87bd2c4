package io.carebook.patients.web;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.NotFoundException;
import java.util.UUID;

final class PatientIds {

  private PatientIds() {}

  /** An id that cannot exist is simply not found. */
  static PatientId parse(String value) {
    try {
      return new PatientId(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Patient");
    }
  }
}
