package io.carebook.notifications;

import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The outbox of the current tenant. */
@Repository
public class Outbox {

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void store(
      String channel, String recipient, String kind, String locale, String subject, String body) {
    var scope = TenantContext.current().orElseThrow();
    jdbc.sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            scope.clinic() == null ? null : scope.clinic().value(),
            channel,
            recipient,
            kind,
            locale,
            subject,
            body)
        .update();
  }

  /** The newest messages of the current tenant. */
  @Transactional(readOnly = true)
  public List<OutboxMessage> recent(int limit) {
    return jdbc.sql(
            """
            select id, channel, recipient, kind, locale, subject, body, status, created_at
            from outbox_messages order by created_at desc limit ?""")
        .param(limit)
        .query(
            (rs, n) ->
                new OutboxMessage(
                    rs.getObject("id", UUID.class),
                    rs.getString("channel"),
                    rs.getString("recipient"),
                    rs.getString("kind"),
                    rs.getString("locale"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getString("status"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
