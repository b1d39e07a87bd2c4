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
import io.carebook.tenancy.SealedSecret;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
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
 * name and a phone, confirm with the one-time code sent to that phone. Codes go only to the
 * countries the clinic serves, rate-limited per address, per phone, per phone prefix and per
 * clinic, so nobody can make the platform send a flood of messages; a code takes five tries at
 * most. The booking then follows exactly the rules staff bookings follow.
 */
@Service
public class OnlineBooking {

  static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
  static final RateLimits.Limit PER_ADDRESS =
      new RateLimits.Limit("booking-ip", 20, Duration.ofHours(1));
  static final RateLimits.Limit PER_PHONE =
      new RateLimits.Limit("booking-phone", 5, Duration.ofHours(1));
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Seals seals;
  private final JdbcClient jdbc;
  private final Calendar calendar;
  private final Organizations organizations;
  private final DoctorProfiles profiles;
  private final RateLimits limits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final ServiceTypes serviceTypes;
  private final BookingCodes codes;
  private final ServedCountries countries;
  private final CodeBudget budget;
  private final String baseUrl;

  OnlineBooking(
      Seals seals,
      JdbcClient jdbc,
      Calendar calendar,
      ServiceTypes serviceTypes,
      Organizations organizations,
      DoctorProfiles profiles,
      RateLimits limits,
      ApplicationEventPublisher events,
      Clock clock,
      BookingCodes codes,
      ServedCountries countries,
      CodeBudget budget,
      PlatformTransactionManager transactions,
      @org.springframework.beans.factory.annotation.Value(
              "${carebook.base-url:http://localhost:8080}")
          String baseUrl) {
    this.seals = seals;
    this.baseUrl = baseUrl;
    this.codes = codes;
    this.countries = countries;
    this.budget = budget;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.serviceTypes = serviceTypes;
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

  /**
   * The public page of a clinic, for one service type ("" is the standard visit): the types to
   * choose from, the standard visit first (empty when it is the only one), and its doctors' free
   * times for the chosen type.
   */
  public record Page(
      Clinic clinic,
      List<BookingRules> serviceTypes,
      BookingRules serviceType,
      List<DoctorOffer> doctors) {}

  /** An online booking, confirmed: the appointment and the secret link to manage it. */
  public record Confirmed(Appointment appointment, String manageToken) {}

  /**
   * A patient confirmed their online booking: notifications sends them the confirmation with {@code
   * manageLink}, their private link to move or cancel it (its last path segment is the secret), and
   * its add-to-calendar file; sealed, as the event is stored.
   */
  public record BookingConfirmed(
      TenantId tenantId,
      ClinicId clinicId,
      UUID appointmentId,
      UserId doctorId,
      UUID patientId,
      Instant startsAt,
      SealedSecret manageLink) {}

  /** The add-to-calendar file behind a manage link: {@code <manage link>/appointment.ics}. */
  public static String calendarFileOf(String manageLink) {
    return manageLink + "/appointment.ics";
  }

  /** The public page for a service type the clinic offers ("" for the standard visit); else 404. */
  public Page page(String slug, String serviceType, int days) {
    return inClinic(
        slug,
        () -> {
          requireOffered(serviceType);
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
                                  p.userId(), serviceType, today, today.plusDays(days - 1))))
                  .toList();
          var offered = serviceTypes.offered();
          var choices =
              offered.isEmpty()
                  ? List.<BookingRules>of()
                  : java.util.stream.Stream.concat(
                          java.util.stream.Stream.of(calendar.rules("")), offered.stream())
                      .toList();
          return new Page(clinic, choices, calendar.rules(serviceType), doctors);
        });
  }

  /** Asks for a booking of the standard visit; sends the one-time code. */
  public UUID request(
      String slug,
      UserId doctor,
      Instant startsAt,
      String fullName,
      String typedPhone,
      String address) {
    return request(slug, doctor, "", startsAt, fullName, typedPhone, address);
  }

  /**
   * Asks for a booking of a service type the clinic offers ("" the standard visit); sends the
   * one-time code. Answers the request's id.
   */
  public UUID request(
      String slug,
      UserId doctor,
      String serviceType,
      Instant startsAt,
      String fullName,
      String typedPhone,
      String address) {
    limitAddress(address);
    return inClinic(
        slug,
        () -> {
          var applicant = applicant(fullName, typedPhone);
          requireOffered(serviceType);
          var day = startsAt.atZone(applicant.clinic().timezone()).toLocalDate();
          var open =
              calendar.availability(doctor, serviceType, day, day).stream()
                  .anyMatch(s -> s.startsAt().equals(startsAt));
          if (!open) {
            throw new ProblemException(
                HttpStatus.CONFLICT,
                "slot-taken",
                "This time was just taken; please choose another.");
          }
          return sendCode(
              applicant, new Wish("BOOKING", doctor, serviceType, startsAt, null, null, null));
        });
  }

  /** Who asks for a code, checked: the clinic takes requests, a name, a phone within its limit. */
  record Applicant(Clinic clinic, String fullName, String phone) {}

  /**
   * What a request asks for: a booking at {@code start}, or a place on the waitlist from {@code
   * start} to {@code windowTo}; and once confirmed, what it became.
   */
  record Wish(
      String kind,
      UserId doctor,
      String serviceType,
      Instant start,
      @Nullable Instant windowTo,
      @Nullable String fullName,
      @Nullable String phone) {}

  /** Counts a request from an address (before the clinic is known, so a bad slug counts too). */
  void limitAddress(String address) {
    limits.consume(PER_ADDRESS, address);
  }

  /**
   * Checks the patient's details and the limits: a phone of a country the clinic serves, within the
   * budgets per phone, per phone prefix and per clinic. Called inside the clinic.
   */
  Applicant applicant(String fullName, String typedPhone) {
    var clinic = organizations.activeClinic();
    if (!clinic.writable(clock.instant())) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "clinic-read-only", "This clinic does not take bookings now.");
    }
    if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
      throw ProblemException.invalid("fullName", "is required");
    }
    var phone =
        PhoneNumber.parse(typedPhone, clinic.country())
            .orElseThrow(() -> ProblemException.invalid("phone", "is not a valid phone number"));
    countries.require(clinic, phone);
    limits.consume(PER_PHONE, phone.e164());
    budget.spend(clinic, phone);
    return new Applicant(clinic, fullName.trim(), phone.e164());
  }

  /** Stores the request and sends its one-time code to the applicant's phone. */
  UUID sendCode(Applicant applicant, Wish wish) {
    var clinic = applicant.clinic();
    var id = UUID.randomUUID();
    var code = String.format("%06d", RANDOM.nextInt(1_000_000));
    jdbc.sql(
            """
            insert into booking_requests (tenant_id, id, clinic_id, doctor_id, starts_at, full_name,
              phone_e164, code_hash, expires_at, service_type, kind, window_to)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            clinic.tenantId().value(),
            id,
            clinic.id().value(),
            wish.doctor().value(),
            Timestamp.from(wish.start()),
            applicant.fullName(),
            applicant.phone(),
            Secrets.sha256(id + ":" + code),
            Timestamp.from(clock.instant().plus(CODE_VALIDITY)),
            wish.serviceType(),
            wish.kind(),
            wish.windowTo() == null ? null : Timestamp.from(wish.windowTo()))
        .update();
    events.publishEvent(
        new BookingCodeRequested(
            clinic.tenantId(),
            clinic.id(),
            id,
            seals.forOrganization("booking-phone", applicant.phone()),
            seals.forOrganization("booking-code", code),
            clinic.locale().getLanguage()));
    return id;
  }

  /** The request behind a code; see {@link BookingCodes#redeem}. Called inside the clinic. */
  Wish redeem(UUID request, String kind, String code) {
    return codes.redeem(request, kind, code);
  }

  /** Counts a confirmation from an address (before the clinic is known). */
  void limitConfirmation(String address) {
    limits.consume(RateLimits.CODE_CONFIRM_PER_IP, address);
  }

  /** 404 unless the clinic offers the service type now ("" always is). */
  void requireOffered(String serviceType) {
    if (!serviceTypes.isOffered(serviceType)) {
      throw new NotFoundException("Service type");
    }
  }

  /**
   * Confirms a request with its code, sent from {@code address} (rate-limited per address and per
   * phone); books it by the same rules as any booking.
   */
  public Confirmed confirm(String slug, UUID request, String code, String address) {
    limitConfirmation(address);
    return inClinic(
        slug,
        () -> {
          var wish = redeem(request, "BOOKING", code);
          var appointment =
              calendar.book(
                  new NewAppointment(
                      wish.doctor(),
                      wish.start(),
                      wish.serviceType(),
                      null,
                      new NewPatient(wish.fullName(), wish.phone(), null, null),
                      "PATIENT"));
          var manage = UUID.randomUUID() + "" + UUID.randomUUID();
          var token =
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(manage.getBytes(StandardCharsets.UTF_8));
          jdbc.sql("update booking_requests set appointment_id = ?, manage_hash = ? where id = ?")
              .params(appointment.id(), Secrets.sha256(token), request)
              .update();
          var clinic = organizations.activeClinic();
          events.publishEvent(
              new BookingConfirmed(
                  clinic.tenantId(),
                  clinic.id(),
                  appointment.id(),
                  appointment.doctorId(),
                  appointment.patientId(),
                  appointment.startsAt(),
                  seals.forOrganization("booking-manage-link", baseUrl + "/book/manage/" + token)));
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

  /**
   * Whether an appointment was booked by its patient online, with a manage link: its confirmation
   * is sent on {@link BookingConfirmed}, which carries the link. Called inside the tenant.
   */
  public boolean bookedWithManageLink(UUID appointmentId) {
    return jdbc.sql(
            "select exists (select 1 from booking_requests where appointment_id = ?"
                + " and manage_hash is not null)")
        .param(appointmentId)
        .query(Boolean.class)
        .single();
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

  /** Runs work inside the clinic of a public page's slug; 404 for an unknown slug. */
  <T> T inClinic(String slug, Supplier<T> work) {
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
