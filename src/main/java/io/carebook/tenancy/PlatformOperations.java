package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the platform's operators do to a clinic of any organization: suspend it (it becomes
 * read-only and its owners are told) and reinstate it. The clinic is found through {@code
 * clinic_tenant}; the change itself happens inside its organization, audited like any write.
 */
@Service
public class PlatformOperations {

  private static final Logger log = LoggerFactory.getLogger(PlatformOperations.class);

  /** The statuses a reinstated clinic may return to. */
  static final Set<SubscriptionStatus> REINSTATED_AS =
      Set.of(SubscriptionStatus.TRIAL, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE);

  private final JdbcClient jdbc;
  private final Subscriptions subscriptions;
  private final TenantTransactions tenants;

  PlatformOperations(JdbcClient jdbc, Subscriptions subscriptions, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
  }

  /** Suspends a clinic, with the reason (kept on the clinic, not shown to its staff). */
  public void suspend(ClinicId clinic, @Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    inOrganizationOf(
        clinic,
        () -> {
          subscriptions.applyAsPlatform(clinic, SubscriptionStatus.SUSPENDED);
          jdbc.sql("update clinics set suspension_reason = ? where id = ?")
              .params(reason.strip(), clinic.value())
              .update();
        });
    log.info("Clinic {} suspended by the platform", clinic);
  }

  /** Ends a clinic's suspension: it returns to {@code status} (TRIAL, ACTIVE or PAST_DUE). */
  public void reinstate(ClinicId clinic, SubscriptionStatus status) {
    if (!REINSTATED_AS.contains(status)) {
      throw ProblemException.invalid("status", "is TRIAL, ACTIVE or PAST_DUE");
    }
    inOrganizationOf(
        clinic,
        () -> {
          var current =
              jdbc.sql("select subscription_status from clinics where id = ?")
                  .param(clinic.value())
                  .query(String.class)
                  .single();
          if (!SubscriptionStatus.SUSPENDED.name().equals(current)) {
            throw new ProblemException(
                org.springframework.http.HttpStatus.CONFLICT,
                "not-suspended",
                "This clinic is not suspended.");
          }
          subscriptions.applyAsPlatform(clinic, status);
          jdbc.sql("update clinics set suspension_reason = null where id = ?")
              .param(clinic.value())
              .update();
        });
    log.info("Clinic {} reinstated by the platform as {}", clinic, status);
  }

  private void inOrganizationOf(ClinicId clinic, Runnable work) {
    var tenant =
        tenants
            .beforeTenant(
                () ->
                    jdbc.sql("select tenant_id from clinic_tenant(?)")
                        .param(clinic.value())
                        .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                        .optional())
            .orElseThrow(() -> new NotFoundException("Clinic"));
    tenants.inClinic(tenant, clinic, () -> work.run());
  }
}
