package io.carebook.identity;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.UserId;
import io.carebook.tenancy.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * Somebody asked for a sign-in link to an account. Carries the path of the single-use link sealed
 * with the platform's key; the address is looked up by user id ({@link AccountAddresses}).
 */
public record SignInLinkRequested(UserId userId, String locale, SealedSecret signInPath)
    implements TenantScoped {
  /** Belongs to no organization: the platform's own. */
  @Override
  public TenantId tenantId() {
    return TenantId.PLATFORM;
  }

  /** Concerns the whole organization, not one clinic. */
  @Override
  public @Nullable ClinicId clinicId() {
    return null;
  }
}
