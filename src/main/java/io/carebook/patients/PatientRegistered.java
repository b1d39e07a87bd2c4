package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import org.jspecify.annotations.Nullable;

/** A patient was registered in an organization. */
public record PatientRegistered(TenantId tenantId, PatientId patientId) implements TenantScoped {
  /** Concerns the whole organization, not one clinic. */
  @Override
  public @Nullable ClinicId clinicId() {
    return null;
  }
}
