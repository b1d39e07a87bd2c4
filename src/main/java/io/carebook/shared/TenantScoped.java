package io.carebook.shared;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened inside one organization (and, for most events, one of its clinics),
 * carrying that scope with it. Every event that crosses modules implements it, so a listener enters
 * the tenant the event names through {@code TenantTransactions.inClinic(event, work)} instead of
 * building a context by hand: the scope travels with the event, and the listener cannot pick the
 * wrong one.
 *
 * <p>It lives in {@code shared} (not {@code tenancy}) because it only names ids, and every module's
 * events implement it.
 */
public interface TenantScoped {

  /** The organization it happened in; {@link TenantId#PLATFORM} for what belongs to none. */
  TenantId tenantId();

  /** The clinic it happened at, or null when it concerns the whole organization. */
  @Nullable ClinicId clinicId();
}
