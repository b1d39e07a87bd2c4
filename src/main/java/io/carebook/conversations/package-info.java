/**
 * Patients' conversations with a clinic on WhatsApp (and SMS, the fallback): one per patient phone
 * and clinic, carried by the bot ({@code bot}) until a person takes over, with the whole
 * transcript. notifications hands it every inbound message that is not a reminder reply ({@code
 * PatientMessageReceived}) and sends its answers; notifications never depends on it.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "identity",
      "patients",
      "scheduling",
      "notifications",
      "audit"
    })
@NullMarked
package io.carebook.conversations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
