package io.carebook.scheduling;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.UserId;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantContext;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The code step of the public pages (booking and waitlist): who may ask for a one-time code, its
 * sending, resending and redeeming. Codes go only to the countries the clinic serves, rate-limited
 * per address, per phone, per phone prefix and per clinic, so nobody can make the platform send a
 * flood of messages; a resend waits {@link #RESEND_AFTER}, counts against the same limits and
 * happens at most {@link #MAX_RESENDS} times per request; a code takes five tries at most.
 */
@Service
public class PublicCodes {

  static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
  static final RateLimits.Limit PER_ADDRESS =
      new RateLimits.Limit("booking-ip", 20, Duration.ofHours(1));
  static final RateLimits.Limit PER_PHONE =
      new RateLimits.Limit("booking-phone", 5, Duration.ofHours(1));

  /** How long after a code was sent the patient may ask for it again. */
  public static final Duration RESEND_AFTER = Duration.ofSeconds(45);

  /** How many times one request's code may be sent again. */
  static final int MAX_RESENDS = 3;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Seals seals;
  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final RateLimits limits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final BookingCodes codes;
  private final ServedCountries countries;
  private final CodeBudget budget;
  private final PublicScopes scopes;

  PublicCodes(
      Seals seals,
      JdbcClient jdbc,
      Organizations organizations,
      RateLimits limits,
      ApplicationEventPublisher events,
      Clock clock,
      BookingCodes codes,
      ServedCountries countries,
      CodeBudget budget,
      PublicScopes scopes) {
    this.seals = seals;
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.limits = limits;
    this.events = events;
    this.clock = clock;
    this.codes = codes;
    this.countries = countries;
    this.budget = budget;
    this.scopes = scopes;
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

  /**
   * Where a request's code went, for the code page: the phone masked ("+20 •••• ••33"), when the
   * patient may ask for it again, and whether they still may at all.
   */
  public record CodeSent(String maskedPhone, long resendInSeconds, boolean resendLeft) {}

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
    spend(clinic, phone);
    return new Applicant(clinic, fullName.trim(), phone.e164());
  }

  /** One more code to {@code phone}: its country served, within every budget, or refused. */
  private void spend(Clinic clinic, PhoneNumber phone) {
    countries.require(clinic, phone);
    limits.consume(PER_PHONE, phone.e164());
    budget.spend(clinic, phone);
  }

  /** Stores the request and sends its one-time code to the applicant's phone. */
  UUID sendCode(Applicant applicant, Wish wish) {
    var clinic = applicant.clinic();
    var id = UUID.randomUUID();
    var code = newCode();
    jdbc.sql(
            """
            insert into booking_requests (tenant_id, id, clinic_id, doctor_id, starts_at, full_name,
              phone_e164, code_hash, expires_at, service_type, kind, window_to, code_sent_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
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
            wish.windowTo() == null ? null : Timestamp.from(wish.windowTo()),
            Timestamp.from(clock.instant()))
        .update();
    publish(clinic, id, applicant.phone(), code);
    return id;
  }

  /** Where the code of a request of the page's clinic went; 404 for any other request. */
  public CodeSent sentTo(String slug, UUID request, String kind) {
    return scopes.inClinic(
        slug,
        () ->
            jdbc.sql(
                    """
                    select phone_e164, code_sent_at, resends from booking_requests
                    where id = ? and clinic_id = ? and kind = ?""")
                .params(request, TenantContext.clinic().value(), kind)
                .query(
                    (rs, n) ->
                        new CodeSent(
                            MaskedPhone.of(rs.getString(1)),
                            secondsUntil(rs.getTimestamp(2).toInstant().plus(RESEND_AFTER)),
                            rs.getInt(3) < MAX_RESENDS))
                .optional()
                .orElseThrow(() -> new NotFoundException("Booking request")));
  }

  /**
   * Sends a new code for a request not yet confirmed, from {@code address}: refused (429 {@code
   * resend-too-soon}, with Retry-After) before {@link #RESEND_AFTER} since the last code, and (429
   * {@code resends-used-up}) after {@link #MAX_RESENDS} resends. The new code replaces the old one,
   * with its five tries and ten minutes, and counts against the limits per address, per phone, per
   * prefix and per clinic like a first code.
   */
  public void resend(String slug, UUID request, String kind, String address) {
    limitAddress(address);
    scopes.inClinic(
        slug,
        () -> {
          var clinic = organizations.activeClinic();
          var now = clock.instant();
          record Pending(String phone, Instant sentAt, int resends, boolean used) {}
          var pending =
              jdbc.sql(
                      """
                      select phone_e164, code_sent_at, resends,
                        appointment_id is not null or waitlist_entry_id is not null
                      from booking_requests where id = ? and clinic_id = ? and kind = ?
                      for update""")
                  .params(request, clinic.id().value(), kind)
                  .query(
                      (rs, n) ->
                          new Pending(
                              rs.getString(1),
                              rs.getTimestamp(2).toInstant(),
                              rs.getInt(3),
                              rs.getBoolean(4)))
                  .optional()
                  .orElseThrow(() -> new NotFoundException("Booking request"));
          if (pending.used()) {
            throw new ProblemException(
                HttpStatus.GONE, "code-expired", "This code has expired; please start again.");
          }
          var seconds = secondsUntil(pending.sentAt().plus(RESEND_AFTER));
          if (seconds > 0) {
            throw new ProblemException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "resend-too-soon",
                    "The code was sent moments ago; you may ask again in " + seconds + " seconds.")
                .header("Retry-After", Long.toString(seconds));
          }
          if (pending.resends() >= MAX_RESENDS) {
            throw new ProblemException(
                HttpStatus.TOO_MANY_REQUESTS,
                "resends-used-up",
                "The code was sent again too many times; please start again.");
          }
          spend(clinic, new PhoneNumber(pending.phone()));
          var code = newCode();
          jdbc.sql(
                  """
                  update booking_requests set code_hash = ?, expires_at = ?, code_sent_at = ?,
                    resends = resends + 1, attempts = 0
                  where id = ?""")
              .params(
                  Secrets.sha256(request + ":" + code),
                  Timestamp.from(now.plus(CODE_VALIDITY)),
                  Timestamp.from(now),
                  request)
              .update();
          publish(clinic, request, pending.phone(), code);
          return null;
        });
  }

  /** Whole seconds from now until {@code then}, rounded up; 0 once it has passed. */
  private long secondsUntil(Instant then) {
    var wait = Duration.between(clock.instant(), then);
    return wait.isPositive() ? wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0) : 0;
  }

  private static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  private void publish(Clinic clinic, UUID request, String phone, String code) {
    events.publishEvent(
        new BookingCodeRequested(
            clinic.tenantId(),
            clinic.id(),
            request,
            seals.forOrganization("booking-phone", phone),
            seals.forOrganization("booking-code", code),
            clinic.locale().getLanguage()));
  }

  /** The request behind a code; see {@link BookingCodes#redeem}. Called inside the clinic. */
  Wish redeem(UUID request, String kind, String code) {
    return codes.redeem(request, kind, code);
  }

  /** Counts a confirmation from an address (before the clinic is known). */
  void limitConfirmation(String address) {
    limits.consume(RateLimits.CODE_CONFIRM_PER_IP, address);
  }
}
