package io.carebook.audit;

import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Links each tenant's new audit rows into its hash chain, a little after they are written and
 * outside the writing transactions, so that writers never queue behind each other or behind the
 * chaining. A step appends one link (a row of {@code audit_chain}) holding the hashes of the
 * tenant's next rows in id order; audit rows themselves are never written again. It links only up
 * to a {@link Marker} that has settled, so a row committed late under a smaller id is never passed
 * over. Several instances may run it at once: the database serializes the chaining per tenant.
 */
@Component
public class AuditChain {

  /** The platform's own trail: events and writes that belong to no tenant. */
  public static final TenantId PLATFORM = TenantId.PLATFORM;

  private static final int BATCH = 1000;
  private static final Duration SETTLING = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;

  /** Every tenant's rows up to this id are linked; null until the first full pass. */
  private @Nullable Long linkedThrough;

  /** The oldest marker not yet settled when a pass ended, to link through on a later one. */
  private @Nullable Marker unsettled;

  AuditChain(JdbcClient jdbc, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /**
   * The last audit id drawn at some moment, and the bound of the transaction ids given out before
   * it: once no transaction below {@code xmax} runs, every row up to {@code lastId} is final.
   */
  record Marker(long lastId, long xmax) {}

  @Scheduled(
      initialDelayString = "${carebook.audit.chain-interval:PT2S}",
      fixedDelayString = "${carebook.audit.chain-interval:PT2S}")
  synchronized void chainEveryTenant() {
    try {
      var through = settledThrough();
      if (through == null) {
        return;
      }
      // only the organizations (and the platform's trail) with rows written since the last pass;
      // after a start, every organization with rows, once
      var after = linkedThrough;
      var waiting =
          after == null
              ? jdbc.sql("select audit_tenants()").query((rs, n) -> tenant(rs.getObject(1))).list()
              : after >= through
                  ? List.<TenantId>of()
                  : jdbc.sql("select audit_unchained_tenants(?, ?)")
                      .params(after, through)
                      .query((rs, n) -> tenant(rs.getObject(1)))
                      .list();
      waiting.forEach(tenant -> chain(tenant, through));
      linkedThrough = after == null ? through : Math.max(after, through);
    } catch (RuntimeException e) {
      log.warn("Audit chaining will retry: {}", e.getMessage());
    }
  }

  /**
   * How far this pass may link: a new marker if it settles within a moment (it does unless a
   * transaction is running long), else the marker a previous pass left, if it has settled since.
   */
  private @Nullable Long settledThrough() {
    var fresh = marker();
    if (awaitSettled(fresh, Duration.ofSeconds(5))) {
      unsettled = null;
      return fresh.lastId();
    }
    var older = unsettled;
    if (older != null && horizon() >= older.xmax()) {
      unsettled = fresh;
      return older.lastId();
    }
    if (older == null) {
      unsettled = fresh;
    }
    return null;
  }

  /** Links every row of {@code tenant} written before this call; returns how many. */
  public int chain(TenantId tenant) {
    var marker = marker();
    if (!awaitSettled(marker, SETTLING)) {
      log.warn("Audit chaining of {}: a transaction still runs, rows may wait", tenant);
    }
    return chain(tenant, marker.lastId());
  }

  private int chain(TenantId tenant, long through) {
    int total = 0;
    int linked;
    do {
      linked =
          tenants.call(
              tenant,
              () ->
                  jdbc.sql("select audit_chain_step(?, ?)")
                      .params(BATCH, through)
                      .query(Integer.class)
                      .single());
      total += linked;
    } while (linked == BATCH);
    return total;
  }

  private Marker marker() {
    return jdbc.sql("select last_id, xmax from audit_chain_marker()")
        .query((rs, n) -> new Marker(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private long horizon() {
    return jdbc.sql("select audit_chain_horizon()").query(Long.class).single();
  }

  private boolean awaitSettled(Marker marker, Duration patience) {
    var deadline = System.nanoTime() + patience.toNanos();
    var pause = 2L;
    while (horizon() < marker.xmax()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      pause = Math.min(pause * 2, 50);
    }
    return true;
  }

  private static TenantId tenant(Object id) {
    return new TenantId((UUID) id);
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
                    """
                    with head as (select last_id, first_seq + cardinality(ids) - 1 as seq
                                    from audit_chain where tenant_id = :tenant
                                   order by last_id desc limit 1)
                    select coalesce((select seq from head), 0),
                           (select count(*) from audit_log where tenant_id = :tenant
                               and id > coalesce((select last_id from head), 0))""")
                .param("tenant", tenant.value())
                .query((rs, n) -> new Status(rs.getLong(1), rs.getLong(2)))
                .single());
  }
}
