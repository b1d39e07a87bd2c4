package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the public pages' work runs: nobody is signed in, so the clinic is found from the page's
 * slug (or a manage link) first, anonymously, and the work then runs inside its tenant and clinic,
 * in a transaction.
 */
@Component
class PublicScopes {

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;

  PublicScopes(JdbcClient jdbc, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /** Runs work inside the clinic of a public page's slug; 404 for an unknown slug. */
  <T> T inClinic(String slug, Supplier<T> work) {
    var route =
        anonymous(
                () ->
                    jdbc.sql("select * from clinic_by_slug(?)")
                        .param(slug)
                        .query(
                            (rs, n) ->
                                new UUID[] {
                                  rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)
                                })
                        .optional())
            .orElseThrow(() -> new NotFoundException("Clinic"));
    return inTenant(route[0], route[1], work);
  }

  <T> T inTenant(UUID tenant, @Nullable UUID clinic, Supplier<T> work) {
    return tenants.asVisitor(
        new TenantId(tenant), clinic == null ? null : new ClinicId(clinic), work);
  }

  <T> T anonymous(Supplier<T> work) {
    return tenants.beforeTenant(work);
  }
}
