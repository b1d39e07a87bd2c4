/**
 * Patients: one chart per organization, shared by its clinics. Registration, search as you type by
 * phone or name, and the duplicate rule. Other modules find or register patients through {@link
 * io.carebook.patients.PatientDirectory}.
 */
@ApplicationModule(allowedDependencies = {"shared", "tenancy", "tenancy :: demo", "audit"})
@NullMarked
package io.carebook.patients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
