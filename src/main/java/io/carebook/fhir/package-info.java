/**
 * FHIR R4 read and search over the organization's records, under {@code /api/fhir/r4}: patients,
 * doctors and their roles, the organization and its clinics, schedules and free slots,
 * appointments, visits as encounters, allergies, prescribed items and invoices. Resources are built
 * with HAPI FHIR's R4 model and written as {@code application/fhir+json}; every read goes through
 * the owning module's facade with its permission, inside the caller's tenant, and every read of
 * health data is logged once per patient per request. Nothing here is used by another module.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "audit",
      "identity",
      "patients",
      "scheduling",
      "frontdesk",
      "clinical",
      "billing"
    })
@NullMarked
package io.carebook.fhir;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
