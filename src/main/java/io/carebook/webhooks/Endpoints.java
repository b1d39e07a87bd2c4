package io.carebook.webhooks;

import io.carebook.shared.ClinicId;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organization's endpoints (V1210), under row-level security; deleted ones are never read. */
@Component
class Endpoints {

  private static final String COLUMNS =
      "id, url, description, event_types, status, disabled_reason, failing_since, created_at,"
          + " version";

  private final JdbcClient jdbc;

  Endpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of the organization's endpoints, oldest first, after {@code after} if given. */
  List<WebhookEndpoint> page(@Nullable Cursor after, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from webhook_endpoints where status <> 'DELETED'"
                + " and (cast(:at as timestamptz) is null or (created_at, id) > (:at, :id))"
                + " order by created_at, id limit :limit")
        .param("at", after == null ? null : Timestamp.from(after.at()))
        .param("id", after == null ? null : after.id())
        .param("limit", limit)
        .query(Endpoints::endpoint)
        .list();
  }

  Optional<WebhookEndpoint> find(UUID id) {
    return jdbc.sql(
            "select " + COLUMNS + " from webhook_endpoints where id = ? and status <> 'DELETED'")
        .param(id)
        .query(Endpoints::endpoint)
        .optional();
  }

  /** The clinic it was registered at. */
  ClinicId clinicOf(UUID id) {
    return new ClinicId(
        jdbc.sql("select clinic_id from webhook_endpoints where id = ?")
            .param(id)
            .query(UUID.class)
            .single());
  }

  void insert(
      UUID id,
      ClinicId clinic,
      String url,
      String description,
      List<String> types,
      byte[] secret,
      Instant at) {
    jdbc.sql(
            """
            insert into webhook_endpoints (tenant_id, id, clinic_id, url, description, event_types,
                                           secret_encrypted, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            id,
            clinic.value(),
            url,
            description,
            types.toArray(String[]::new),
            secret,
            Timestamp.from(at))
        .update();
  }

  /** Saves a change made on version {@code expected}; false when someone changed it first. */
  boolean update(
      UUID id, String url, String description, List<String> types, boolean enabled, int expected) {
    return jdbc.sql(
                """
                update webhook_endpoints
                   set url = ?, description = ?, event_types = ?,
                       status = case when ? then 'ENABLED' else 'DISABLED' end,
                       disabled_reason = case when ? then null
                                              when status = 'DISABLED' then disabled_reason
                                              else 'OWNER' end,
                       failing_since = case when ? and status <> 'ENABLED' then null
                                            else failing_since end,
                       version = version + 1
                 where id = ? and version = ? and status <> 'DELETED'""")
            .params(
                url,
                description,
                types.toArray(String[]::new),
                enabled,
                enabled,
                enabled,
                id,
                expected)
            .update()
        == 1;
  }

  void delete(UUID id) {
    jdbc.sql("update webhook_endpoints set status = 'DELETED', version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  /** The sealed secret of an endpoint that is not deleted. */
  Optional<byte[]> secret(UUID id) {
    return jdbc.sql(
            "select secret_encrypted from webhook_endpoints where id = ? and status <> 'DELETED'")
        .param(id)
        .query(byte[].class)
        .optional();
  }

  /** Where a page of endpoints left off. */
  record Cursor(Instant at, UUID id) {}

  private static WebhookEndpoint endpoint(ResultSet rs, int n) throws SQLException {
    var failing = rs.getTimestamp("failing_since");
    return new WebhookEndpoint(
        rs.getObject("id", UUID.class),
        rs.getString("url"),
        rs.getString("description"),
        Arrays.asList((String[]) rs.getArray("event_types").getArray()),
        WebhookEndpoint.Status.valueOf(rs.getString("status")),
        rs.getString("disabled_reason"),
        failing == null ? null : failing.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getInt("version"));
  }
}
