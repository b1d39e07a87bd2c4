package io.carebook.tenancy;

import io.carebook.shared.TenantId;

/**
 * Whose data key protects a value: the platform's, for global data that belongs to no tenant (a
 * user's TOTP secret), or a tenant's, for that tenant's data (a patient's national id).
 */
public sealed interface KeyOwner {

  /** The platform's key, for global data. */
  static KeyOwner platform() {
    return Platform.INSTANCE;
  }

  /**
   * The key of the tenant in context. A tenant's key is usable only inside that tenant's context:
   * row-level security hides every other tenant's key, and {@link Encryption} refuses to use one.
   */
  static KeyOwner currentTenant() {
    return new Tenant(TenantContext.tenant());
  }

  /** Names the owner inside associated data and wrapped keys; stable, never shown. */
  String label();

  /** A tenant's key. */
  record Tenant(TenantId id) implements KeyOwner {
    @Override
    public String label() {
      return "tenant:" + id;
    }
  }

  /** The platform's key. */
  enum Platform implements KeyOwner {
    INSTANCE;

    @Override
    public String label() {
      return "platform";
    }
  }
}
