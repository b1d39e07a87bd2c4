package io.carebook.scheduling;

import io.carebook.identity.DoctorProfiles;
import io.carebook.patients.NewPatient;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SealedSecret;
import io.carebook.tenancy.Seals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Patients booking by themselves on a clinic's public page: choose a service, a doctor and a free
 * time, give a name and a phone, confirm with the one-time code sent to that phone ({@link
 * PublicCodes}, the code step). The booking then follows exactly the rules staff bookings follow,
 * and the patient receives a private link to manage it ({@link ManageLinks}).
 */
@Service
public class OnlineBooking {

  private final Seals seals;
  private final JdbcClient jdbc;
  private final Scheduling calendar;
  private final Organizations organizations;
  private final DoctorProfiles profiles;
  private final ApplicationEventPublisher events;
  private final ServiceTypes serviceTypes;
  private final PublicCodes codes;
  private final PublicScopes scopes;
  private final Bookings bookings;
  private final String baseUrl;

  OnlineBooking(
      Seals seals,
      JdbcClient jdbc,
      Scheduling calendar,
      ServiceTypes serviceTypes,
      Organizations organizations,
      DoctorProfiles profiles,
      ApplicationEventPublisher events,
      PublicCodes codes,
      PublicScopes scopes,
      Bookings bookings,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.seals = seals;
    this.baseUrl = baseUrl;
    this.codes = codes;
    this.scopes = scopes;
    this.bookings = bookings;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.serviceTypes = serviceTypes;
    this.organizations = organizations;
    this.profiles = profiles;
    this.events = events;
  }

  /** A doctor on the public page, with their free times of the days asked for. */
  public record DoctorOffer(
      UserId doctorId, String name, @Nullable String specialty, List<Slot> slots) {}

  /**
   * The public page of a clinic, for one service type ("" is the standard visit): the types to
   * choose from, the standard visit first (empty when it is the only one), their prices where the
   * clinic gave one, its doctors' free times for the chosen type from {@code from} to {@code to},
   * and the days the type may be booked at all (today to the end of its horizon).
   */
  public record Page(
      Clinic clinic,
      List<BookingRules> serviceTypes,
      BookingRules serviceType,
      List<DoctorOffer> doctors,
      Map<String, BigDecimal> prices,
      LocalDate today,
      LocalDate lastDay) {

    /** The same page with only these doctors. */
    public Page withDoctors(List<DoctorOffer> only) {
      return new Page(clinic, serviceTypes, serviceType, only, prices, today, lastDay);
    }
  }

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
      SealedSecret manageLink)
      implements TenantScoped {}

  /** The add-to-calendar file behind a manage link: {@code <manage link>/appointment.ics}. */
  public static String calendarFileOf(String manageLink) {
    return manageLink + "/appointment.ics";
  }

  /**
   * The public page for a service type the clinic offers ("" for the standard visit), with the free
   * times of the coming {@code days}; else 404.
   */
  public Page page(String slug, String serviceType, int days) {
    return page(slug, serviceType, null, days);
  }

  /**
   * The public page with the free times from {@code from} (today when null) for {@code days} days,
   * cut to today and the end of the type's horizon; 404 for a type the clinic does not offer.
   */
  public Page page(String slug, String serviceType, @Nullable LocalDate from, int days) {
    return scopes.inClinic(
        slug,
        () -> {
          requireOffered(serviceType);
          var clinic = organizations.activeClinic();
          var rules = calendar.rules(serviceType);
          var today = LocalDate.now(clinic.timezone());
          var lastDay = today.plusDays(Math.max(0, rules.horizon().toDays()));
          var first = from == null || from.isBefore(today) ? today : from;
          var last = first.plusDays(days - 1);
          var to = last.isAfter(lastDay) ? lastDay : last;
          var doctors =
              profiles.ofActiveClinic().stream()
                  .map(
                      p ->
                          new DoctorOffer(
                              p.userId(),
                              p.name(),
                              p.specialty(),
                              first.isAfter(to)
                                  ? List.of()
                                  : calendar.availability(p.userId(), serviceType, first, to)))
                  .toList();
          var offered = serviceTypes.offered();
          var choices =
              offered.isEmpty()
                  ? List.<BookingRules>of()
                  : Stream.concat(Stream.of(calendar.rules("")), offered.stream()).toList();
          return new Page(clinic, choices, rules, doctors, serviceTypes.prices(), today, lastDay);
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
    codes.limitAddress(address);
    return scopes.inClinic(
        slug,
        () -> {
          var applicant = codes.applicant(fullName, typedPhone);
          var refusing = bookings.refusing(doctor, serviceType, startsAt);
          if (refusing.isPresent()) {
            if (refusing.get() instanceof ServiceTypeOffered) {
              throw new NotFoundException("Service type");
            }
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "slot-taken",
                    "This time was just taken; please choose another.")
                .property("policy", refusing.get().name());
          }
          return codes.sendCode(
              applicant,
              new PublicCodes.Wish("BOOKING", doctor, serviceType, startsAt, null, null, null));
        });
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
    codes.limitConfirmation(address);
    return scopes.inClinic(
        slug,
        () -> {
          var wish = codes.redeem(request, "BOOKING", code);
          var appointment =
              calendar.book(
                  new NewAppointment(
                      wish.doctor(),
                      wish.start(),
                      wish.serviceType(),
                      null,
                      new NewPatient(wish.fullName(), wish.phone(), null, null),
                      "PATIENT"),
                  false);
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
}
