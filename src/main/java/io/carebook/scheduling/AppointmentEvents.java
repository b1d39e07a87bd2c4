package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/** What happens to appointments, for reminders, the waitlist, the queue and webhooks. */
public final class AppointmentEvents {

  private AppointmentEvents() {}

  public record AppointmentBooked(
      TenantId tenantId,
      ClinicId clinicId,
      UUID appointmentId,
      UserId doctorId,
      UUID patientId,
      Instant startsAt) {}

  public record AppointmentRescheduled(
      TenantId tenantId,
      ClinicId clinicId,
      UUID appointmentId,
      UserId doctorId,
      Instant previousStart,
      Instant startsAt) {}

  public record AppointmentCanceled(
      TenantId tenantId,
      ClinicId clinicId,
      UUID appointmentId,
      UserId doctorId,
      Instant startsAt,
      Instant endsAt) {}

  public record AppointmentMarkedNoShow(
      TenantId tenantId, ClinicId clinicId, UUID appointmentId, UUID patientId) {}
}
