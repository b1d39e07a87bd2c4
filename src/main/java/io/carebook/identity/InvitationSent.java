package io.carebook.identity;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.UserId;
import io.carebook.tenancy.SealedSecret;
import java.util.UUID;

/**
 * A person was invited to join a clinic. Carries the path of the single-use link sealed with the
 * organization's key; the invitee's address and the inviter's name are looked up by id ({@link
 * AccountAddresses}).
 */
public record InvitationSent(
    TenantId tenantId,
    ClinicId clinicId,
    UUID invitationId,
    UserId invitedBy,
    String locale,
    SealedSecret acceptPath)
    implements TenantScoped {}
