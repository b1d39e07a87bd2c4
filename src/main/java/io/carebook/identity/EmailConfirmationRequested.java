package io.carebook.identity;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.UserId;
import io.carebook.tenancy.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * A new account must confirm its e-mail address. Carries the path of the single-use link sealed
 * with the platform's key (only its hash is kept elsewhere); the address is looked up by user id
 * ({@link AccountAddresses}), so the stored event holds neither.
 */
public record EmailConfirmationRequested(
    TenantId tenantId, UserId userId, String locale, SealedSecret confirmationPath)
    implements TenantScoped {
  /** Concerns the whole organization, not one clinic. */
  @Override
  public @Nullable ClinicId clinicId() {
    return null;
  }
}
