package io.carebook.scheduling;

import io.carebook.identity.DoctorProfiles;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.Secrets;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The patient's private manage link of an online booking: only the hash of its secret is stored,
 * and an unknown link is simply not found. Through it the patient sees the booking, adds it to
 * their calendar, moves it to another free time or cancels it, by the rules any booking follows.
 */
@Service
public class ManageLinks {

  private final JdbcClient jdbc;
  private final Scheduling calendar;
  private final Organizations organizations;
  private final PublicScopes scopes;
  private final Clock clock;
  private final DoctorProfiles profiles;
  private final String baseUrl;

  ManageLinks(
      JdbcClient jdbc,
      Scheduling calendar,
      Organizations organizations,
      PublicScopes scopes,
      Clock clock,
      DoctorProfiles profiles,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.organizations = organizations;
    this.scopes = scopes;
    this.clock = clock;
    this.profiles = profiles;
    this.baseUrl = baseUrl;
  }

  /**
   * A booking seen through the patient's link: the appointment, its clinic, and — while it is still
   * booked — the doctor's free times of the coming week to move it to.
   */
  public record Managed(
      Appointment appointment,
      Clinic clinic,
      List<Slot> freeTimes,
      @Nullable String doctorName,
      @Nullable String doctorSpecialty) {}

  /** The booking behind a patient's manage link. */
  public Optional<Managed> managed(String token) {
    return route(token)
        .map(
            r ->
                scopes.inTenant(
                    r[0],
                    r[1],
                    () -> {
                      var appointment = calendar.get(appointmentOf(r[2]));
                      var clinic = organizations.activeClinic();
                      var today = LocalDate.now(clinic.timezone());
                      var free =
                          appointment.status() == AppointmentStatus.BOOKED
                              ? calendar.availability(
                                  appointment.doctorId(),
                                  appointment.serviceType(),
                                  today,
                                  today.plusDays(6))
                              : List.<Slot>of();
                      var doctor = doctor(appointment.doctorId());
                      return new Managed(
                          appointment,
                          clinic,
                          free,
                          doctor == null ? null : doctor.name(),
                          doctor == null ? null : doctor.specialty());
                    }));
  }

  /**
   * The booking behind a patient's manage link as an iCalendar file for their own calendar; empty
   * for an unknown link.
   */
  public Optional<String> calendarFile(String token) {
    return managed(token)
        .map(
            m ->
                PatientCalendarFile.of(
                    m.appointment(),
                    m.clinic(),
                    baseUrl + "/book/manage/" + token,
                    clock.instant()));
  }

  /** The patient moves their booking to another free time through their link. */
  public Appointment rescheduleByPatient(String token, java.time.Instant startsAt) {
    var r = route(token).orElseThrow(() -> new NotFoundException("Booking"));
    return scopes.inTenant(r[0], r[1], () -> calendar.reschedule(appointmentOf(r[2]), startsAt));
  }

  /** The patient cancels through their link. */
  public Appointment cancelByPatient(String token) {
    var r = route(token).orElseThrow(() -> new NotFoundException("Booking"));
    return scopes.inTenant(
        r[0], r[1], () -> calendar.cancel(appointmentOf(r[2]), "canceled by the patient online"));
  }

  /** The doctor's profile; none when they no longer work here as a doctor. */
  private DoctorProfiles.@Nullable Profile doctor(io.carebook.shared.UserId doctor) {
    return profiles.ofActiveClinic().stream()
        .filter(p -> p.userId().equals(doctor))
        .findFirst()
        .orElse(null);
  }

  private UUID appointmentOf(UUID request) {
    return jdbc.sql("select appointment_id from booking_requests where id = ?")
        .param(request)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .single();
  }

  /** tenant, clinic, request */
  private Optional<UUID[]> route(String token) {
    return scopes
        .anonymous(
            () ->
                jdbc.sql("select * from booking_by_manage_hash(?)")
                    .param(Secrets.sha256(token))
                    .query(
                        (rs, n) ->
                            new UUID[] {
                              rs.getObject(1, UUID.class), null, rs.getObject(2, UUID.class)
                            })
                    .optional())
        .map(
            r -> {
              var clinic =
                  scopes.inTenant(
                      r[0],
                      null,
                      () ->
                          jdbc.sql("select clinic_id from booking_requests where id = ?")
                              .param(r[2])
                              .query((rs, n) -> rs.getObject(1, UUID.class))
                              .single());
              return new UUID[] {r[0], clinic, r[2]};
            });
  }
}
