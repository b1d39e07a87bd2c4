package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.SealedSecret;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient asked for a copy of a finalized prescription: notifications sends it on the patient's
 * channel (the verification link, or the PDF). The verification code opens the prescription's check
 * page, so it travels sealed with the organization's key.
 */
public record PrescriptionCopyRequested(
    TenantId tenantId,
    ClinicId clinicId,
    UUID prescriptionId,
    UUID patientId,
    SealedSecret verificationCode,
    @Nullable UUID requestedBy,
    Instant at) {}
