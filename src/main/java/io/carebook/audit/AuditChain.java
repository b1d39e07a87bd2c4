package io.carebook.audit;

import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links each tenant's new audit rows into its hash chain, a little after they are written and
 * outside the writing transactions, so that writers of one tenant never queue behind each other.
 * Several instances may run it at once: the database serializes the chaining per tenant.
 */
@Component
public class AuditChain {

  /** The platform's own trail: events and writes that belong to no tenant. */
  public static final TenantId PLATFORM = TenantId.PLATFORM;

  private static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;

  AuditChain(JdbcClient jdbc, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  @Scheduled(
      initialDelayString = "${carebook.audit.chain-interval:PT2S}",
      fixedDelayString = "${carebook.audit.chain-interval:PT2S}")
  void chainEveryTenant() {
    try {
      // only the organizations (and the platform's trail) with rows waiting: the others would
      // cost a transaction each to find nothing, every two seconds
      jdbc.sql("select audit_unchained_tenants()")
          .query((rs, n) -> new TenantId(rs.getObject(1, java.util.UUID.class)))
          .list()
          .forEach(this::chain);
    } catch (RuntimeException e) {
      log.warn("Audit chaining will retry: {}", e.getMessage());
    }
  }

  /** Links every unchained row of {@code tenant}; returns how many. */
  public int chain(TenantId tenant) {
    int total = 0;
    int linked;
    do {
      linked =
          tenants.call(
              tenant,
              () ->
                  jdbc.sql("select audit_chain_step(?)")
                      .param(BATCH)
                      .query(Integer.class)
                      .single());
      total += linked;
    } while (linked == BATCH);
    return total;
  }

  /** The id of the first row of {@code tenant}'s chain whose link is broken, if any. */
  public Optional<Long> firstBroken(TenantId tenant) {
    return tenants.call(
        tenant,
        () ->
            jdbc.sql("select audit_chain_first_broken()")
                .query((rs, n) -> rs.getObject(1, Long.class))
                .optional());
  }

  /** How many of {@code tenant}'s rows are linked and how many await the next step. */
  public record Status(long linked, long waiting) {}

  public Status status(TenantId tenant) {
    return tenants.call(
        tenant,
        () ->
            jdbc.sql(
                    "select count(chain_seq), count(*) - count(chain_seq) from audit_log"
                        + " where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> new Status(rs.getLong(1), rs.getLong(2)))
                .single());
  }
}
