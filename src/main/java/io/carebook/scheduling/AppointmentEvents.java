package io.carebook.scheduling;

import io.carebook.shared.AppointmentId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/** What happens to appointments, for reminders, the waitlist, the queue and webhooks. */
public final class AppointmentEvents {

  private AppointmentEvents() {}

  public record AppointmentBooked(
      TenantId tenantId,
      ClinicId clinicId,
      AppointmentId appointmentId,
      UserId doctorId,
      UUID patientId,
      Instant startsAt)
      implements TenantScoped {}

  /** Carries the patient, so whoever tells them needs not read the appointment back. */
  public record AppointmentRescheduled(
      TenantId tenantId,
      ClinicId clinicId,
      AppointmentId appointmentId,
      UserId doctorId,
      UUID patientId,
      Instant previousStart,
      Instant startsAt)
      implements TenantScoped {}

  /** Carries the patient, so whoever tells them needs not read the appointment back. */
  public record AppointmentCanceled(
      TenantId tenantId,
      ClinicId clinicId,
      AppointmentId appointmentId,
      UserId doctorId,
      UUID patientId,
      Instant startsAt,
      Instant endsAt)
      implements TenantScoped {}

  public record AppointmentMarkedNoShow(
      TenantId tenantId, ClinicId clinicId, AppointmentId appointmentId, UUID patientId)
      implements TenantScoped {}
}
