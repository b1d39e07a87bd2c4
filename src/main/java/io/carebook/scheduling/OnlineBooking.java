package io.carebook.scheduling;

import io.carebook.identity.DoctorProfiles;
import io.carebook.identity.RateLimits;
import io.carebook.patients.NewPatient;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patients booking by themselves on a clinic's public page: choose a doctor and a free time, give a
 * name and a phone, confirm with the one-time code sent to that phone. Rate-limited per address,
 * per phone and per clinic, so nobody can make the platform send a flood of messages. The booking
 * then follows exactly the rules staff bookings follow.
 */
@Service
public class OnlineBooking {

  static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
  static final int MAX_ATTEMPTS = 5;
  static final RateLimits.Limit PER_ADDRESS =
      new RateLimits.Limit("booking-ip", 20, Duration.ofHours(1));
  static final RateLimits.Limit PER_PHONE =
      new RateLimits.Limit("booking-phone", 5, Duration.ofHours(1));
  static final RateLimits.Limit PER_CLINIC =
      new RateLimits.Limit("booking-clinic", 300, Duration.ofHours(1));
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Calendar calendar;
  private final Organizations organizations;
  private final DoctorProfiles profiles;
  private final RateLimits limits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transaction;

  OnlineBooking(
      JdbcClient jdbc,
      Calendar calendar,
      Organizations organizations,
      DoctorProfiles profiles,
      RateLimits limits,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.organizations = organizations;
    this.profiles = profiles;
    this.limits = limits;
    this.events = events;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** A doctor on the public page, with their free times of the coming days. */
  public record DoctorOffer(
      UserId doctorId, String name, @Nullable String specialty, List<Slot> slots) {}

  /** The public page of a clinic. */
  public record Page(Clinic clinic, List<DoctorOffer> doctors) {}

  /** An online booking, confirmed: the appointment and the secret link to manage it. */
  public record Confirmed(Appointment appointment, String manageToken) {}

  public Page page(String slug, int days) {
    return inClinic(
        slug,
        () -> {
          var clinic = organizations.activeClinic();
          var today = LocalDate.now(clinic.timezone());
          var doctors =
              profiles.ofActiveClinic().stream()
                  .map(
                      p ->
                          new DoctorOffer(
                              p.userId(),
                              p.name(),
                              p.specialty(),
                              calendar.availability(
                                  p.userId(), "", today, today.plusDays(days - 1))))
                  .toList();
          return new Page(clinic, doctors);
        });
  }

  /** Asks for a booking; sends the one-time code. Answers the request's id. */
  public UUID request(
      String slug,
      UserId doctor,
      Instant startsAt,
      String fullName,
      String typedPhone,
      String address) {
    limits.consume(PER_ADDRESS, address);
    return inClinic(
        slug,
        () -> {
          var clinic = organizations.activeClinic();
          limits.consume(PER_CLINIC, clinic.id().toString());
          if (!clinic.writable(clock.instant())) {
            throw new ProblemException(
                HttpStatus.CONFLICT, "clinic-read-only", "This clinic does not take bookings now.");
          }
          if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            throw ProblemException.invalid("fullName", "is required");
          }
          var phone =
              PhoneNumber.parse(typedPhone, clinic.country())
                  .orElseThrow(
                      () -> ProblemException.invalid("phone", "is not a valid phone number"));
          limits.consume(PER_PHONE, phone.e164());
          var day = startsAt.atZone(clinic.timezone()).toLocalDate();
          var open =
              calendar.availability(doctor, "", day, day).stream()
                  .anyMatch(s -> s.startsAt().equals(startsAt));
          if (!open) {
            throw new ProblemException(
                HttpStatus.CONFLICT,
                "slot-taken",
                "This time was just taken; please choose another.");
          }
          var id = UUID.randomUUID();
          var code = String.format("%06d", RANDOM.nextInt(1_000_000));
          jdbc.sql(
                  """
              insert into booking_requests (tenant_id, id, clinic_id, doctor_id, starts_at, full_name,
                phone_e164, code_hash, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
              .params(
                  clinic.tenantId().value(),
                  id,
                  clinic.id().value(),
                  doctor.value(),
                  Timestamp.from(startsAt),
                  fullName.trim(),
                  phone.e164(),
                  Secrets.sha256(id + ":" + code),
                  Timestamp.from(clock.instant().plus(CODE_VALIDITY)))
              .update();
          events.publishEvent(
              new BookingCodeRequested(
                  clinic.tenantId(),
                  clinic.id(),
                  phone.e164(),
                  code,
                  clinic.name(),
                  clinic.locale().getLanguage()));
          return id;
        });
  }

  /** Confirms a request with its code; books it by the same rules as any booking. */
  public Confirmed confirm(String slug, UUID request, String code) {
    return inClinic(
        slug,
        () -> {
          record Pending(
              UserId doctor,
              Instant start,
              String name,
              String phone,
              byte[] codeHash,
              int attempts,
              Instant expires,
              @Nullable UUID appointment) {}
          var pending =
              jdbc.sql("select * from booking_requests where id = ? and clinic_id = ?")
                  .params(request, TenantContext.clinic().value())
                  .query(
                      (rs, n) ->
                          new Pending(
                              new UserId(rs.getObject("doctor_id", UUID.class)),
                              rs.getTimestamp("starts_at").toInstant(),
                              rs.getString("full_name"),
                              rs.getString("phone_e164"),
                              rs.getBytes("code_hash"),
                              rs.getInt("attempts"),
                              rs.getTimestamp("expires_at").toInstant(),
                              rs.getObject("appointment_id", UUID.class)))
                  .optional()
                  .orElseThrow(() -> new NotFoundException("Booking request"));
          if (pending.appointment() != null
              || pending.attempts() >= MAX_ATTEMPTS
              || pending.expires().isBefore(clock.instant())) {
            throw new ProblemException(
                HttpStatus.GONE, "code-expired", "This code has expired; please start again.");
          }
          if (!MessageDigest.isEqual(
              pending.codeHash(), Secrets.sha256(request + ":" + code.trim()))) {
            jdbc.sql("update booking_requests set attempts = attempts + 1 where id = ?")
                .param(request)
                .update();
            throw new ProblemException(
                HttpStatus.BAD_REQUEST, "invalid-code", "This code is not right.");
          }
          var appointment =
              calendar.book(
                  new NewAppointment(
                      pending.doctor(),
                      pending.start(),
                      "",
                      null,
                      new NewPatient(pending.name(), pending.phone(), null, null),
                      "PATIENT"));
          var manage = UUID.randomUUID() + "" + UUID.randomUUID();
          var token =
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(manage.getBytes(StandardCharsets.UTF_8));
          jdbc.sql("update booking_requests set appointment_id = ?, manage_hash = ? where id = ?")
              .params(appointment.id(), Secrets.sha256(token), request)
              .update();
          return new Confirmed(appointment, token);
        });
  }

  /**
   * A booking seen through the patient's link: the appointment, its clinic, and — while it is still
   * booked — the doctor's free times of the coming week to move it to.
   */
  public record Managed(Appointment appointment, Clinic clinic, List<Slot> freeTimes) {}

  /** The booking behind a patient's manage link. */
  public Optional<Managed> managed(String token) {
    return route(token)
        .map(
            r ->
                inTenant(
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
                      return new Managed(appointment, clinic, free);
                    }));
  }

  /** The patient moves their booking to another free time through their link. */
  public Appointment rescheduleByPatient(String token, Instant startsAt) {
    var r = route(token).orElseThrow(() -> new NotFoundException("Booking"));
    return inTenant(r[0], r[1], () -> calendar.reschedule(appointmentOf(r[2]), startsAt));
  }

  /** The patient cancels through their link. */
  public Appointment cancelByPatient(String token) {
    var r = route(token).orElseThrow(() -> new NotFoundException("Booking"));
    return inTenant(
        r[0], r[1], () -> calendar.cancel(appointmentOf(r[2]), "canceled by the patient online"));
  }

  private UUID appointmentOf(UUID request) {
    return jdbc.sql("select appointment_id from booking_requests where id = ?")
        .param(request)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .single();
  }

  /** tenant, clinic, request */
  private Optional<UUID[]> route(String token) {
    return anonymous(
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
                  inTenant(
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

  private <T> T inClinic(String slug, Supplier<T> work) {
    var route =
        anonymous(
                () ->
                    jdbc.sql("select * from clinic_by_slug(?)")
                        .param(slug)
                        .query(
                            (rs, n) ->
                                new UUID[] {
                                  rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)
                                })
                        .optional())
            .orElseThrow(() -> new NotFoundException("Clinic"));
    return inTenant(route[0], route[1], work);
  }

  private <T> T inTenant(UUID tenant, @Nullable UUID clinic, Supplier<T> work) {
    var scope =
        new TenantContext.Scope(
            new TenantId(tenant),
            clinic == null ? null : new ClinicId(clinic),
            null,
            ActorType.HUMAN);
    return TenantContext.call(scope, () -> transaction.execute(s -> work.get()));
  }

  private <T> T anonymous(Supplier<T> work) {
    return TenantContext.call(
        TenantContext.Scope.anonymous(), () -> transaction.execute(s -> work.get()));
  }
}
