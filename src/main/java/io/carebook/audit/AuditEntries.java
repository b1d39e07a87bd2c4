package io.carebook.audit;

import io.carebook.audit.AuditEntry.Change;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the current tenant's audit trail, newest first. */
@Service
public class AuditEntries {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  AuditEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} entries matching {@code query}, newest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> find(AuditQuery query, ZoneId zone, int limit) {
    return find(query, null, zone, limit);
  }

  /**
   * Up to {@code limit} entries matching {@code query} that came just after entry {@code after}
   * (the page before it in the explorer), newest first.
   */
  @Transactional(readOnly = true)
  public List<AuditEntry> findNewer(AuditQuery query, long after, ZoneId zone, int limit) {
    return find(query, after, zone, limit).reversed();
  }

  private List<AuditEntry> find(AuditQuery query, @Nullable Long after, ZoneId zone, int limit) {
    // newest first; or, for the entries after one, the oldest of them first (the caller turns it)
    var order = after == null ? "desc" : "asc";
    return jdbc.sql(
            """
            select a.*,
                   (select c.first_seq + array_position(c.ids, a.id) - 1 from audit_chain c
                     where c.tenant_id = a.tenant_id and c.last_id >= a.id
                     order by c.last_id limit 1) as chain_seq
            from audit_log a
            where (cast(:actor as uuid) is null or actor_id = cast(:actor as uuid))
              and (cast(:patient as uuid) is null or patient_id = cast(:patient as uuid))
              and (cast(:entityType as text) is null or entity_type = cast(:entityType as text))
              and (cast(:entityId as text) is null or entity_id = cast(:entityId as text))
              and (cast(:action as text) is null or action = cast(:action as text))
              and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
              and (cast(:before as bigint) is null or id < cast(:before as bigint))
              and (cast(:after as bigint) is null or id > cast(:after as bigint))
            order by id %s
            limit :limit"""
                .formatted(order))
        .param("actor", query.actorId())
        .param("patient", query.patientId())
        .param("entityType", blankToNull(query.entityType()))
        .param("entityId", blankToNull(query.entityId()))
        .param("action", blankToNull(query.action()))
        .param(
            "from",
            query.from() == null
                ? null
                : Timestamp.from(query.from().atStartOfDay(zone).toInstant()))
        .param(
            "to",
            query.to() == null
                ? null
                : Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()))
        .param("before", query.before())
        .param("after", after)
        .param("limit", limit)
        .query(AuditEntries::entry)
        .list();
  }

  /** The people who appear as actors in the current tenant's trail. */
  @Transactional(readOnly = true)
  public List<UUID> actors() {
    return jdbc.sql("select distinct actor_id from audit_log where actor_id is not null")
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getObject("clinic_id", UUID.class),
        rs.getObject("actor_id", UUID.class),
        rs.getString("actor_type"),
        rs.getString("db_user"),
        rs.getString("kind"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        rs.getObject("patient_id", UUID.class),
        changes(rs.getString("changes")),
        rs.getString("source"),
        rs.getString("detail"),
        rs.getObject("chain_seq", Long.class));
  }

  private static Map<String, Change> changes(@Nullable String json) {
    var changes = new LinkedHashMap<String, Change>();
    if (json == null) {
      return changes;
    }
    for (var field : JSON.readTree(json).properties()) {
      var change = new Change(text(field.getValue().get("from")), text(field.getValue().get("to")));
      // the tenant is the same on every row of a tenant's trail; empty fields say nothing
      if (!field.getKey().equals("tenant_id") && (change.from() != null || change.to() != null)) {
        changes.put(field.getKey(), change);
      }
    }
    return changes;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isString() ? node.asString() : node.toString();
  }
}
