/**
 * Tenants (organizations), their clinics, subscriptions and the write guard, and the tenant and
 * actor context that row-level security enforces in PostgreSQL.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.carebook.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
