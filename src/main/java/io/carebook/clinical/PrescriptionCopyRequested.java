package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient asked for a copy of a finalized prescription: notifications sends it on the patient's
 * channel (the verification link, or the PDF).
 */
public record PrescriptionCopyRequested(
    TenantId tenantId,
    ClinicId clinicId,
    UUID prescriptionId,
    UUID patientId,
    String verificationCode,
    @Nullable UUID requestedBy,
    Instant at) {}
