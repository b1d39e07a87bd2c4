package io.carebook.webhooks;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The worker's side of the queue: which organizations have deliveries due, claiming a batch of an
 * organization's, and recording what each attempt brought, with what follows from it (the next
 * retry, giving up, an endpoint that has failed too long disabled and its owners told).
 */
@Component
class DeliveryQueue {

  /** A delivery claimed for one attempt, with what sending it needs. */
  record Claimed(
      TenantId tenant,
      UUID id,
      UUID endpointId,
      URI url,
      String secret,
      String payload,
      int attempts) {

    @Override
    public String toString() {
      return "Claimed[" + id + " to " + url + "]"; // never the secret
    }
  }

  /** What one attempt brought: an answer's status (none without one), its beginning, an error. */
  record Outcome(
      @Nullable Integer status, Duration took, @Nullable String body, @Nullable String error) {

    boolean delivered() {
      return status != null && status / 100 == 2;
    }
  }

  private final JdbcClient jdbc;
  private final EndpointSecrets secrets;
  private final Deliveries deliveries;
  private final ApplicationEventPublisher events;

  DeliveryQueue(
      JdbcClient jdbc,
      EndpointSecrets secrets,
      Deliveries deliveries,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.deliveries = deliveries;
    this.events = events;
  }

  /** The organizations, of any, with deliveries due at {@code now} (read before entering them). */
  List<TenantId> dueTenants(Instant now) {
    return jdbc.sql("select webhook_due_tenants(?)")
        .param(Timestamp.from(now))
        .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
        .list();
  }

  /**
   * Claims up to {@code limit} of the organization's due deliveries, oldest due first, skipping
   * those another worker holds, and moves their next attempt past {@code lease}: a worker that dies
   * before recording an attempt leaves the delivery to the next one once the lease runs out. Runs
   * in the organization's transaction, which commits the claim before anything is sent.
   */
  List<Claimed> claim(Instant now, Duration lease, int limit) {
    var tenant = TenantContext.tenant();
    var off = new ArrayList<UUID>();
    var claimed =
        jdbc.sql(
                """
                with claimed as (
                  update webhook_deliveries d set next_attempt_at = ?
                   where d.id in (select id from webhook_deliveries
                                   where status = 'PENDING' and next_attempt_at <= ?
                                   order by next_attempt_at limit ? for update skip locked)
                  returning d.id, d.endpoint_id, d.payload, d.attempts)
                select c.id, c.endpoint_id, c.payload, c.attempts, e.url, e.secret_encrypted,
                       e.status = 'ENABLED' as enabled
                  from claimed c join webhook_endpoints e on e.id = c.endpoint_id""")
            .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
            .query(
                (rs, n) -> {
                  var id = rs.getObject("id", UUID.class);
                  var endpoint = rs.getObject("endpoint_id", UUID.class);
                  if (!rs.getBoolean("enabled")) {
                    off.add(id); // written as its endpoint was turned off: not sent
                    return null;
                  }
                  return new Claimed(
                      tenant,
                      id,
                      endpoint,
                      URI.create(rs.getString("url")),
                      secrets.open(endpoint, rs.getBytes("secret_encrypted")),
                      rs.getString("payload"),
                      rs.getInt("attempts"));
                })
            .list();
    if (!off.isEmpty()) {
      jdbc.sql(
              """
              update webhook_deliveries
                 set status = 'FAILED', next_attempt_at = null, last_error = 'The endpoint is off.'
               where id = any (?)""")
          .param(off.toArray(UUID[]::new))
          .update();
    }
    return claimed.stream().filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Records an attempt of {@code delivery} made at {@code at}: logged; on success the delivery is
   * done and its endpoint no longer failing; else the next retry is set, or the delivery has failed
   * when the schedule is spent, and an endpoint failing since {@code disableAfter} ago or more is
   * disabled. Runs in the organization's transaction.
   */
  void record(
      Claimed delivery, Outcome outcome, Instant at, RetrySchedule retries, Duration disableAfter) {
    jdbc.sql(
            """
            insert into webhook_attempts (tenant_id, delivery_id, attempted_at, response_status,
                                          duration_ms, response_body, error)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            delivery.tenant().value(),
            delivery.id(),
            Timestamp.from(at),
            outcome.status(),
            (int) Math.min(Integer.MAX_VALUE, outcome.took().toMillis()),
            outcome.body(),
            outcome.error())
        .update();
    if (outcome.delivered()) {
      delivered(delivery, outcome, at);
    } else {
      failed(delivery, outcome, at, retries, disableAfter);
    }
  }

  private void delivered(Claimed delivery, Outcome outcome, Instant at) {
    jdbc.sql(
            """
            update webhook_deliveries
               set status = 'DELIVERED', attempts = attempts + 1, next_attempt_at = null,
                   delivered_at = ?, last_status = ?, last_error = null
             where id = ?""")
        .params(Timestamp.from(at), outcome.status(), delivery.id())
        .update();
    jdbc.sql(
            "update webhook_endpoints set failing_since = null"
                + " where id = ? and failing_since is not null")
        .param(delivery.endpointId())
        .update();
  }

  private void failed(
      Claimed delivery, Outcome outcome, Instant at, RetrySchedule retries, Duration disableAfter) {
    var next = retries.next(delivery.attempts() + 1, at).orElse(null);
    jdbc.sql(
            """
            update webhook_deliveries
               set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?,
                   last_error = ?
             where id = ?""")
        .params(
            next == null ? "FAILED" : "PENDING",
            next == null ? null : Timestamp.from(next),
            outcome.status(),
            outcome.error() != null ? outcome.error() : "HTTP " + outcome.status(),
            delivery.id())
        .update();
    var failingSince =
        jdbc.sql(
                """
                update webhook_endpoints set failing_since = coalesce(failing_since, ?)
                 where id = ? and status = 'ENABLED'
                returning failing_since""")
            .params(Timestamp.from(at), delivery.endpointId())
            .query(Timestamp.class)
            .optional();
    if (failingSince.isPresent()
        && !failingSince.get().toInstant().plus(disableAfter).isAfter(at)) {
      disable(delivery, failingSince.get().toInstant());
    }
  }

  /** Disables an endpoint that failed too long, gives up its deliveries and tells its owners. */
  private void disable(Claimed delivery, Instant failingSince) {
    var clinic =
        jdbc.sql(
                """
                update webhook_endpoints
                   set status = 'DISABLED', disabled_reason = 'FAILING', version = version + 1
                 where id = ? and status = 'ENABLED'
                returning clinic_id""")
            .param(delivery.endpointId())
            .query(UUID.class)
            .optional();
    if (clinic.isEmpty()) {
      return;
    }
    deliveries.abandon(delivery.endpointId(), "The endpoint was disabled after failing for days.");
    events.publishEvent(
        new WebhookEndpointDisabled(
            delivery.tenant(),
            new ClinicId(clinic.get()),
            delivery.endpointId(),
            delivery.url().toString(),
            failingSince));
  }
}
