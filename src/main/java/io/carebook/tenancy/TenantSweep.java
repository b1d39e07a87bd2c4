package io.carebook.tenancy;

import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one sanctioned way for a job to cross organizations: runs its work once per organization,
 * each inside its own tenant context as the SYSTEM actor and in its own transaction. One
 * organization's failure is logged and does not stop the others; the job's next run tries it again.
 *
 * <p>A job that knows which organizations have work (a resolver such as {@code
 * no_show_due_tenants()}) passes them to {@link #each}; the others sweep every organization.
 */
@Component
public class TenantSweep {

  private static final Logger log = LoggerFactory.getLogger(TenantSweep.class);

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;

  TenantSweep(JdbcClient jdbc, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /**
   * Runs {@code work} for each of {@code due}; {@code job} names the work in the log ("No-shows").
   * Answers how many organizations finished it.
   */
  public int each(String job, Collection<TenantId> due, Consumer<TenantId> work) {
    int done = 0;
    for (var tenant : due) {
      try {
        tenants.run(tenant, () -> work.accept(tenant));
        done++;
      } catch (RuntimeException e) {
        log.warn("{} of an organization will be retried: {}", job, e.getMessage(), e);
      }
    }
    return done;
  }

  /**
   * Runs {@code work} for each of {@code due}, each inside its organization and clinic, in a
   * transaction of its own, as {@link #each} does per organization: for work kept per clinic (whose
   * rows name their clinic). Answers how many clinics finished it.
   */
  public int inClinics(String job, Collection<? extends TenantScoped> due, Runnable work) {
    int done = 0;
    for (var clinic : due) {
      try {
        tenants.inClinic(clinic, work);
        done++;
      } catch (RuntimeException e) {
        log.warn("{} of a clinic will be retried: {}", job, e.getMessage(), e);
      }
    }
    return done;
  }

  /** Runs {@code work} for every active organization (not suspended ones). */
  public int active(String job, Consumer<TenantId> work) {
    return each(
        job, tenants("select id from tenants where status = 'ACTIVE' order by created_at"), work);
  }

  /** Runs {@code work} for every organization, whatever its status. */
  public int all(String job, Consumer<TenantId> work) {
    return each(job, tenants("select id from tenants order by created_at"), work);
  }

  private java.util.List<TenantId> tenants(String sql) {
    return jdbc.sql(sql).query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
  }
}
