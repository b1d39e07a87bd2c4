package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient asked for a copy of a finalized prescription: notifications sends {@code url}, the
 * private link to its PDF, on the patient's channel.
 */
public record PrescriptionCopyRequested(
    TenantId tenantId,
    ClinicId clinicId,
    UUID prescriptionId,
    UUID patientId,
    String verificationCode,
    @Nullable UUID requestedBy,
    Instant at,
    String url) {}
