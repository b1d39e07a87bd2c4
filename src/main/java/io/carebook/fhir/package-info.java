/**
 * FHIR R4 over the organization's records, under {@code /api/fhir/r4}: read and search of patients,
 * doctors and their roles, the organization and its clinics, schedules and free slots,
 * appointments, visits as encounters, allergies, prescribed items and invoices, and Appointment
 * create, which books through scheduling's one booking path with all its rules (a refusal names the
 * rule in the OperationOutcome's {@code issue.details}). Resources are built with HAPI FHIR's R4
 * model and written as {@code application/fhir+json}; every read goes through the owning module's
 * facade with its permission, inside the caller's tenant, and every read of health data is logged
 * once per patient per request. Searches page by an opaque keyset cursor ({@code _cursor} of the
 * {@code next} link). Every error under {@code /api/fhir/}, also those decided before the
 * controller (401, 403, 404, 405, 415, 429), is an OperationOutcome. Nothing here is used by
 * another module.
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
