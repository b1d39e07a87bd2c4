package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.TenantId;

/** A patient was registered in an organization. */
public record PatientRegistered(TenantId tenantId, PatientId patientId) {}
