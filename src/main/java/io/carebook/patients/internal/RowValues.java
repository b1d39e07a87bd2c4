package io.carebook.patients.internal;

import io.carebook.tenancy.TenantContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Values the patients module writes into its rows, whichever sub-package writes them. */
public final class RowValues {

  private RowValues() {}

  /** The member acting now, or null for the system. */
  public static @Nullable UUID actor() {
    return TenantContext.current().map(TenantContext.Scope::user).map(u -> u.value()).orElse(null);
  }

  /** The text trimmed, or null when there is none. */
  public static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
