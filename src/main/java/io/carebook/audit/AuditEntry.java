package io.carebook.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the audit trail, as the explorer shows it. */
public record AuditEntry(
    long id,
    Instant occurredAt,
    @Nullable UUID clinicId,
    @Nullable UUID actorId,
    String actorType,
    String dbUser,
    String kind,
    String action,
    String entityType,
    @Nullable String entityId,
    @Nullable UUID patientId,
    Map<String, Change> changes,
    @Nullable String source,
    @Nullable String detail,
    @Nullable Long chainSeq) {

  /** A field's value before and after; absent on the side where the row did not exist. */
  public record Change(@Nullable String from, @Nullable String to) {}
}
