/**
 * The audit trail: every write (recorded by database triggers), every view of health data and every
 * security event (recorded through {@link io.carebook.audit.AuditTrail}), hash-chained per tenant,
 * with an explorer for owners and managers.
 */
@ApplicationModule(allowedDependencies = {"shared", "tenancy"})
@NullMarked
package io.carebook.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
