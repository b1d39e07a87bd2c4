package io.carebook.webhooks.demo;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import io.carebook.webhooks.WebhookEndpoints;
import io.carebook.webhooks.WebhookEndpoints.Draft;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's webhook endpoints, registered before the demo's bookings, visits and invoices so that
 * those make deliveries at the first start: the Nile clinics send every event to the developer-mode
 * receiver of this very application, which verifies each signature (the log fills with delivered
 * events); Zamalek's endpoint points at an invented address that never answers, so its log shows
 * failed attempts and their retries.
 */
@Component
@ConditionalOnDemo
@Order(150)
class DemoWebhooks implements DemoDataLoader {

  private final WebhookEndpoints endpoints;
  private final TenantTransactions tenants;
  private final String baseUrl;

  DemoWebhooks(
      WebhookEndpoints endpoints,
      TenantTransactions tenants,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.endpoints = endpoints;
    this.tenants = tenants;
    this.baseUrl = baseUrl;
  }

  @Override
  public void load() {
    register(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        null,
        "Developer-mode receiver (verifies signatures)",
        WebhookEndpoints.eventTypes());
    register(
        DemoOrganization.ZAMALEK,
        DemoOrganization.ZAMALEK_EYE,
        "https://hooks.zamalek-eye.invalid/carebook",
        "Old reporting service (switched off)",
        List.of("appointment.booked", "appointment.canceled", "invoice.paid"));
  }

  /** An endpoint unless the organization has one; a null url means the developer receiver. */
  private void register(
      TenantId tenant,
      ClinicId clinic,
      @Nullable String url,
      String description,
      List<String> types) {
    tenants.inClinic(
        tenant,
        clinic,
        () -> {
          if (endpoints.anyRegistered()) {
            return;
          }
          var id = UUID.randomUUID();
          var address =
              url != null ? url : baseUrl + "/api/v1/webhooks/dev-receiver/" + tenant + "/" + id;
          endpoints.register(id, new Draft(address, description, types));
        });
  }
}
