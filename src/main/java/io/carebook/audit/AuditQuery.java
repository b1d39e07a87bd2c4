package io.carebook.audit;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The explorer's filters; each one is optional. */
public record AuditQuery(
    @Nullable UUID actorId,
    @Nullable UUID patientId,
    @Nullable String entityType,
    @Nullable String entityId,
    @Nullable String action,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable Long before) {

  public static AuditQuery everything() {
    return new AuditQuery(null, null, null, null, null, null, null, null);
  }
}
