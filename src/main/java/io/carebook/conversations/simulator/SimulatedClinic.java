package io.carebook.conversations.simulator;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;

/** A clinic whose WhatsApp number is the simulator's: where its webhook is, and its number. */
record SimulatedClinic(TenantId tenant, ClinicId clinic, String name, String phoneNumberId) {

  /** The per-clinic webhook the phone posts to, under the app's own address. */
  String webhookPath() {
    return "/api/v1/webhooks/whatsapp/" + tenant.value() + "/" + clinic.value();
  }
}
