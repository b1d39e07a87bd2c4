package io.carebook.webhooks;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery queue and its log (V1210), under row-level security: rows written with their events,
 * claimed by the worker in batches, each attempt recorded.
 */
@Component
class Deliveries {

  private static final String COLUMNS =
      "id, endpoint_id, event_type, status, attempts, next_attempt_at, created_at, delivered_at,"
          + " last_status, last_error";

  private final JdbcClient jdbc;

  Deliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One delivery of {@code payload} to each enabled endpoint of {@code tenant} that receives {@code
   * type}, due at once: one statement, which writes nothing when no endpoint wants the event.
   */
  int forEvent(
      TenantId tenant, @Nullable ClinicId clinic, EventType type, String payload, Instant now) {
    return jdbc.sql(
            """
            insert into webhook_deliveries (tenant_id, id, endpoint_id, clinic_id, event_type,
                                            payload, next_attempt_at, created_at)
            select e.tenant_id, gen_random_uuid(), e.id, cast(? as uuid), cast(? as text),
                   cast(? as text), cast(? as timestamptz), cast(? as timestamptz)
              from webhook_endpoints e
             where e.tenant_id = ? and e.status = 'ENABLED' and cast(? as text) = any (e.event_types)""")
        .params(
            clinic == null ? null : clinic.value(),
            type.wireName(),
            payload,
            Timestamp.from(now),
            Timestamp.from(now),
            tenant.value(),
            type.wireName())
        .update();
  }

  /** One delivery to one endpoint (a test event), due at once. */
  UUID single(TenantId tenant, UUID endpoint, String type, String payload, Instant now) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into webhook_deliveries (tenant_id, id, endpoint_id, event_type, payload,
                                            next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            tenant.value(), id, endpoint, type, payload, Timestamp.from(now), Timestamp.from(now))
        .update();
    return id;
  }

  /** A page of an endpoint's deliveries, newest first, after {@code after} if given. */
  List<WebhookDelivery> page(UUID endpoint, Endpoints.@Nullable Cursor after, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from webhook_deliveries where endpoint_id = :endpoint"
                + " and (cast(:at as timestamptz) is null or (created_at, id) < (:at, :id))"
                + " order by created_at desc, id desc limit :limit")
        .param("endpoint", endpoint)
        .param("at", after == null ? null : Timestamp.from(after.at()))
        .param("id", after == null ? null : after.id())
        .param("limit", limit)
        .query(Deliveries::delivery)
        .list();
  }

  Optional<WebhookDelivery> find(UUID endpoint, UUID id) {
    return jdbc.sql(
            "select " + COLUMNS + " from webhook_deliveries where endpoint_id = ? and id = ?")
        .params(endpoint, id)
        .query(Deliveries::delivery)
        .optional();
  }

  List<WebhookDelivery.Attempt> attempts(UUID delivery) {
    return jdbc.sql(
            """
            select attempted_at, response_status, duration_ms, response_body, error
              from webhook_attempts where delivery_id = ? order by id desc limit 100""")
        .param(delivery)
        .query(
            (rs, n) ->
                new WebhookDelivery.Attempt(
                    rs.getTimestamp("attempted_at").toInstant(),
                    (Integer) rs.getObject("response_status"),
                    rs.getInt("duration_ms"),
                    rs.getString("response_body"),
                    rs.getString("error")))
        .list();
  }

  /** Queues a delivery again, due now, with the retry schedule from its start. */
  void replay(UUID id, Instant now) {
    jdbc.sql(
            """
            update webhook_deliveries
               set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
             where id = ?""")
        .params(Timestamp.from(now), id)
        .update();
  }

  /** Gives up an endpoint's pending deliveries (it was disabled or deleted), saying why. */
  void abandon(UUID endpoint, String why) {
    jdbc.sql(
            """
            update webhook_deliveries
               set status = 'FAILED', next_attempt_at = null, last_error = ?
             where endpoint_id = ? and status = 'PENDING'""")
        .params(why, endpoint)
        .update();
  }

  static WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
    return new WebhookDelivery(
        rs.getObject("id", UUID.class),
        rs.getObject("endpoint_id", UUID.class),
        rs.getString("event_type"),
        WebhookDelivery.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "delivered_at"),
        (Integer) rs.getObject("last_status"),
        rs.getString("last_error"));
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
