package io.carebook.frontdesk;

import io.carebook.shared.AppointmentId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.VisitId;
import io.carebook.shared.VisitState;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happens to visits, for the live board, the doctor's day and webhooks. */
public final class VisitEvents {

  private VisitEvents() {}

  public record PatientCheckedIn(
      TenantId tenantId,
      ClinicId clinicId,
      VisitId visitId,
      UUID patientId,
      @Nullable UUID doctorId,
      @Nullable AppointmentId appointmentId,
      int token,
      Priority priority,
      Instant at)
      implements TenantScoped {}

  /** The visit moved to WITH_ASSISTANT or WITH_DOCTOR. */
  public record VisitStarted(
      TenantId tenantId,
      ClinicId clinicId,
      VisitId visitId,
      VisitState from,
      VisitState to,
      @Nullable UUID by,
      Instant at)
      implements TenantScoped {}

  /** The visit is DONE; billing drafts its invoice from it. */
  public record VisitCompleted(
      TenantId tenantId,
      ClinicId clinicId,
      VisitId visitId,
      @Nullable UUID by,
      Instant at,
      UUID patientId,
      @Nullable UUID doctorId)
      implements TenantScoped {}

  public record VisitCanceled(
      TenantId tenantId,
      ClinicId clinicId,
      VisitId visitId,
      VisitState from,
      String reason,
      @Nullable UUID by,
      Instant at)
      implements TenantScoped {}

  public record VisitMarkedNoShow(
      TenantId tenantId, ClinicId clinicId, VisitId visitId, @Nullable UUID by, Instant at)
      implements TenantScoped {}
}
