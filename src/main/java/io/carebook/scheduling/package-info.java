/**
 * The calendar half of a clinic's day: doctors' hours per clinic, booking rules, availability
 * computed from them, and appointments that can never double-book a doctor — across clinics and
 * organizations — because PostgreSQL refuses overlapping busy time.
 */
@ApplicationModule(
    allowedDependencies = {"shared", "tenancy", "tenancy :: demo", "identity", "patients"})
@NullMarked
package io.carebook.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
