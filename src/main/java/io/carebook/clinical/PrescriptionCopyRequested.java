package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.tenancy.SealedSecret;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient asked for a copy of a finalized prescription: notifications sends {@code url}, the
 * private link to its PDF, on the patient's channel. The link opens the prescription, so it travels
 * sealed with the organization's key.
 */
public record PrescriptionCopyRequested(
    TenantId tenantId,
    ClinicId clinicId,
    UUID prescriptionId,
    UUID patientId,
    @Nullable UUID requestedBy,
    Instant at,
    SealedSecret url)
    implements TenantScoped {}
