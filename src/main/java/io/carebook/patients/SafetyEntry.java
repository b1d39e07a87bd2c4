package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import java.util.UUID;

/** An entry of a chart's safety lists: an allergy or a medication, versioned for corrections. */
public sealed interface SafetyEntry permits Allergy, Medication {

  UUID id();

  PatientId patientId();

  int version();
}
