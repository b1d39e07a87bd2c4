package io.carebook.audit.web;

import io.carebook.audit.AuditEntry;
import io.carebook.shared.CsvCells;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The audit trail as CSV (RFC 4180): one line per entry, the changes as field: from → to. */
final class AuditCsv {

  static final String HEADER =
      "id,time,actor,actor_type,kind,action,entity_type,entity_id,patient_id,changes,source,detail,chain_seq";

  private AuditCsv() {}

  static String row(AuditEntry e, Map<UUID, String> names, ZoneId zone) {
    var actor = e.actorId() == null ? "" : names.getOrDefault(e.actorId(), e.actorId().toString());
    var changes =
        e.changes().entrySet().stream()
            .map(
                c ->
                    c.getKey()
                        + ": "
                        + Objects.toString(c.getValue().from(), "∅")
                        + " → "
                        + Objects.toString(c.getValue().to(), "∅"))
            .collect(Collectors.joining("; "));
    return Stream.of(
            Long.toString(e.id()),
            AuditPages.when(e.occurredAt(), zone),
            actor,
            e.actorType(),
            e.kind(),
            e.action(),
            e.entityType(),
            Objects.toString(e.entityId(), ""),
            Objects.toString(e.patientId(), ""),
            changes,
            Objects.toString(e.source(), ""),
            Objects.toString(e.detail(), ""),
            Objects.toString(e.chainSeq(), ""))
        .map(AuditCsv::quote)
        .collect(Collectors.joining(","));
  }

  static String quote(String value) {
    return CsvCells.cell(value);
  }
}
