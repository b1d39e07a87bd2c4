package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The app-level WhatsApp webhook's routing, before any tenant is known: the clinic whose settings
 * hold a business phone number id, and whether a verify token is any clinic's (V1100's resolvers:
 * ids and a yes or no, no content).
 */
@Component
public class WhatsAppNumbers {

  /** The clinic a phone number id belongs to. */
  public record Route(TenantId tenant, ClinicId clinic) {}

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;

  WhatsAppNumbers(JdbcClient jdbc, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /** The one clinic that set up {@code phoneNumberId}; empty if none, or more than one. */
  public Optional<Route> clinicOf(String phoneNumberId) {
    return tenants.beforeTenant(
        () ->
            jdbc.sql("select tenant_id, clinic_id from whatsapp_number_clinic(?)")
                .param(phoneNumberId)
                .query(
                    (rs, n) ->
                        new Route(
                            new TenantId(rs.getObject(1, UUID.class)),
                            new ClinicId(rs.getObject(2, UUID.class))))
                .optional());
  }

  public boolean verifyTokenKnown(String token) {
    return tenants.beforeTenant(
        () ->
            jdbc.sql("select whatsapp_verify_token_known(?)")
                .param(token)
                .query(Boolean.class)
                .single());
  }
}
