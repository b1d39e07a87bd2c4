/**
 * Clinical records: the encounter of a visit with its vitals and SOAP note (draft, signed, then
 * addenda), prescriptions (draft, finalized, then addenda) with the safety check of patients, the
 * printable prescription with its public verification, and the patient's history across the
 * organization's clinics. Signed and finalized records are immutable in the database too; nothing
 * is deleted, only voided.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "audit",
      "identity",
      "patients",
      "scheduling",
      "frontdesk"
    })
@NullMarked
package io.carebook.clinical;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
