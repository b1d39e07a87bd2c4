package io.carebook.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the {@code Idempotency-Key}s past the day they are kept, every hour, in the organizations
 * that hold some ({@code idempotency_expired_tenants}), each in its own tenant's transaction: a
 * request claiming a key no longer deletes expired ones on every call.
 */
@Component
class IdempotencyKeysCleanup {

  private final JdbcClient jdbc;
  private final TenantSweep sweep;
  private final Clock clock;

  IdempotencyKeysCleanup(JdbcClient jdbc, TenantSweep sweep, Clock clock) {
    this.jdbc = jdbc;
    this.sweep = sweep;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void deleteExpired() {
    var before = Timestamp.from(clock.instant().minus(IdempotentRequests.KEPT));
    var due =
        jdbc.sql("select idempotency_expired_tenants(?)")
            .param(before)
            .query((rs, n) -> new io.carebook.shared.TenantId(rs.getObject(1, UUID.class)))
            .list();
    sweep.each(
        "Expired Idempotency-Keys",
        due,
        tenant ->
            jdbc.sql("delete from idempotency_keys where created_at < ?").param(before).update());
  }
}
