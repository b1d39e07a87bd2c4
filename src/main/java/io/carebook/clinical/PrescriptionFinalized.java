package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A prescription was finalized: notifications may send the patient a copy. */
public record PrescriptionFinalized(
    TenantId tenantId,
    ClinicId clinicId,
    UUID prescriptionId,
    UUID encounterId,
    UUID patientId,
    @Nullable UUID finalizedBy,
    Instant at)
    implements TenantScoped {}
