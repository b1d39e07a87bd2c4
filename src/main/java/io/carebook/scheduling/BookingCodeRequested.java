package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.tenancy.SealedSecret;
import java.util.UUID;

/**
 * A patient booking online must confirm request {@code requestId} with the one-time code sent to
 * their phone. The phone and the code (stored nowhere else in clear) travel sealed with the
 * organization's key, as the event is stored.
 */
public record BookingCodeRequested(
    TenantId tenantId,
    ClinicId clinicId,
    UUID requestId,
    SealedSecret phone,
    SealedSecret code,
    String locale)
    implements TenantScoped {}
