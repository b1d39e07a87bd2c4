package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import org.jspecify.annotations.Nullable;

/**
 * Two records of one person were merged: {@code duplicate} is voided and points at {@code
 * survivor}, which now holds the chart of both. Modules holding patient ids re-point theirs.
 */
public record PatientsMerged(TenantId tenantId, PatientId survivor, PatientId duplicate)
    implements TenantScoped {
  /** Concerns the whole organization, not one clinic. */
  @Override
  public @Nullable ClinicId clinicId() {
    return null;
  }
}
