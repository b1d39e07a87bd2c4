package io.carebook.identity;

import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;

/**
 * A new account must confirm its e-mail address. Carries the single-use link, which is stored
 * nowhere else in clear (only its hash is kept).
 */
public record EmailConfirmationRequested(
    TenantId tenantId,
    UserId userId,
    String email,
    String displayName,
    String locale,
    String confirmationPath) {}
