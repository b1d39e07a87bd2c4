package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;

/**
 * A patient booking online must confirm with the one-time code sent to their phone. Carries the
 * code, which is stored nowhere else in clear.
 */
public record BookingCodeRequested(
    TenantId tenantId,
    ClinicId clinicId,
    String phone,
    String code,
    String clinicName,
    String locale) {}
