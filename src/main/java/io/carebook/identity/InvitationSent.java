package io.carebook.identity;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.util.UUID;

/** A person was invited to join a clinic; carries the single-use link for the e-mail. */
public record InvitationSent(
    TenantId tenantId,
    ClinicId clinicId,
    UUID invitationId,
    String email,
    String clinicName,
    String inviterName,
    String locale,
    String acceptPath) {}
