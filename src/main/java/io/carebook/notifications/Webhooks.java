package io.carebook.notifications;

import io.carebook.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The addresses providers call back. Each carries the organization and clinic, so the request can
 * continue inside that tenant's context where the clinic's secrets verify its signature.
 */
@Component
public class Webhooks {

  public static final String BASE = "/api/v1/webhooks";

  private final String baseUrl;

  Webhooks(@Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String smsStatusUrl(Outbox.Row row) {
    return baseUrl
        + BASE
        + "/sms/"
        + TenantContext.tenant().value()
        + "/"
        + row.clinicId()
        + "/status?message="
        + row.message().id();
  }

  public String baseUrl() {
    return baseUrl;
  }
}
