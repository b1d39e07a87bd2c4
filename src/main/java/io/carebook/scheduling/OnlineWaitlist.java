package io.carebook.scheduling;

import io.carebook.patients.NewPatient;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Patients joining the waitlist from a clinic's public page, when no free time suits them: a
 * doctor, a service type and a window of days, confirmed with the one-time code and under the
 * limits online booking uses (the same per-address and per-phone budgets), so the waitlist is no
 * back door for a flood of messages. The entry then waits and gets offers like any other.
 */
@Service
public class OnlineWaitlist {

  /** The longest window a patient may wait for, from the public page. */
  static final int MAX_DAYS = 30;

  private final OnlineBooking booking;
  private final PublicCodes codes;
  private final PublicScopes scopes;
  private final Waitlist waitlist;
  private final Scheduling calendar;
  private final Organizations organizations;
  private final JdbcClient jdbc;

  OnlineWaitlist(
      OnlineBooking booking,
      PublicCodes codes,
      PublicScopes scopes,
      Waitlist waitlist,
      Scheduling calendar,
      Organizations organizations,
      JdbcClient jdbc) {
    this.booking = booking;
    this.codes = codes;
    this.scopes = scopes;
    this.waitlist = waitlist;
    this.calendar = calendar;
    this.organizations = organizations;
    this.jdbc = jdbc;
  }

  /**
   * Asks for a place in line for a doctor and service type, from the first to the last day given
   * (in the clinic's time, both included); sends the one-time code. Answers the request's id. 400
   * with field errors for days in the past, reversed or more than 30 apart.
   */
  public UUID request(
      String slug,
      UserId doctor,
      String serviceType,
      LocalDate firstDay,
      LocalDate lastDay,
      String fullName,
      String typedPhone,
      String address) {
    codes.limitAddress(address);
    return scopes.inClinic(
        slug,
        () -> {
          requireWindow(firstDay, lastDay);
          booking.requireOffered(serviceType);
          if (calendar.doctors().stream().noneMatch(d -> d.userId().equals(doctor))) {
            throw new NotFoundException("Doctor");
          }
          var applicant = codes.applicant(fullName, typedPhone);
          var zone = applicant.clinic().timezone();
          return codes.sendCode(
              applicant,
              new PublicCodes.Wish(
                  "WAITLIST",
                  doctor,
                  serviceType,
                  firstDay.atStartOfDay(zone).toInstant(),
                  lastDay.plusDays(1).atStartOfDay(zone).toInstant(),
                  null,
                  null));
        });
  }

  /**
   * Confirms a waitlist request with its code, sent from {@code address}, under the limits of
   * booking's codes: the patient is in line.
   */
  public Waitlist.Entry confirm(String slug, UUID request, String code, String address) {
    codes.limitConfirmation(address);
    return scopes.inClinic(
        slug,
        () -> {
          var wish = codes.redeem(request, "WAITLIST", code);
          var entry =
              waitlist.join(
                  wish.doctor(),
                  wish.serviceType(),
                  null,
                  new NewPatient(wish.fullName(), wish.phone(), null, null),
                  wish.start(),
                  java.util.Objects.requireNonNull(wish.windowTo()));
          jdbc.sql("update booking_requests set waitlist_entry_id = ? where id = ?")
              .params(entry.id(), request)
              .update();
          return entry;
        });
  }

  private void requireWindow(LocalDate firstDay, LocalDate lastDay) {
    var today = LocalDate.now(organizations.activeClinic().timezone());
    var errors = new ArrayList<ProblemException.FieldError>();
    if (firstDay.isBefore(today)) {
      errors.add(new ProblemException.FieldError("firstDay", "must be today or later"));
    }
    if (lastDay.isBefore(firstDay) || firstDay.plusDays(MAX_DAYS).isBefore(lastDay)) {
      errors.add(
          new ProblemException.FieldError(
              "lastDay", "must be on or after the first day, at most " + MAX_DAYS + " days later"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The days asked for are not valid.", errors);
    }
  }
}
