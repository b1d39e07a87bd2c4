package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.web.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attacks on the public page's one-time codes: guessing a code (wrong tries must count though
 * each fails, and end the code), guessing from many requests of one phone or one address, and SMS
 * pumping (codes to countries the clinic does not serve, or in bulk to one number range).
 */
@CarebookTest
class PublicCodeAttacksTests {

  private static final Pattern CODE = Pattern.compile("(\\d{6}) ");
  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired OnlineBooking booking;
  @Autowired OnlineWaitlist waitlist;
  @Autowired RateLimits limits;
  @Autowired Environment environment;
  @LocalServerPort int port;

  /** A clinic whose doctor takes online bookings every day. */
  private record Clinic(TestOrganizations.Owner owner, Api desk, String slug, UserId doctor) {
    Instant aFreeTime(OnlineBooking booking) {
      return booking.page(slug, "", 7).doctors().getFirst().slots().getFirst().startsAt();
    }
  }

  private Clinic clinic() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var slug =
        db().sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    return new Clinic(owner, desk, slug, UserId.of(doctor));
  }

  private JdbcClient db() {
    return OwnerDatabase.jdbc(environment);
  }

  /** An Egyptian mobile number in a range of its own ("+2010" and two random digits). */
  private static String egyptianPhone() {
    var random = ThreadLocalRandom.current();
    return String.format("+2010%02d%06d", random.nextInt(100), random.nextInt(1_000_000));
  }

  private static String address() {
    var random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(256) + "." + random.nextInt(256);
  }

  private UUID requestCode(Clinic clinic, String phone) {
    return booking.request(
        clinic.slug(), clinic.doctor(), clinic.aFreeTime(booking), "Guess Me", phone, address());
  }

  private static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  private static String kindOf(Runnable attempt) {
    try {
      attempt.run();
    } catch (ProblemException e) {
      return e.kind();
    } catch (io.carebook.shared.NotFoundException e) {
      return "not-found";
    }
    return "accepted";
  }

  @Test
  void wrongBookingCodesAreCountedAcrossAttempts() {
    var clinic = clinic();
    var phone = egyptianPhone();
    var request = requestCode(clinic, phone);
    var code = organizations.linkToken(clinic.owner().tenant(), phone, CODE);
    for (int i = 0; i < 3; i++) {
      assertThat(kindOf(() -> booking.confirm(clinic.slug(), request, wrong(code), address())))
          .isEqualTo("invalid-code");
    }
    // each wrong try rolled its request back, and still counts
    assertThat(
            db().sql("select attempts from booking_requests where id = ?")
                .param(request)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void bookingCodeDiesAfterFiveWrongTries() {
    var clinic = clinic();
    var phone = egyptianPhone();
    var request = requestCode(clinic, phone);
    var code = organizations.linkToken(clinic.owner().tenant(), phone, CODE);
    for (int i = 0; i < BookingCodes.MAX; i++) {
      assertThat(kindOf(() -> booking.confirm(clinic.slug(), request, wrong(code), address())))
          .isEqualTo("invalid-code");
    }
    // the right code comes too late: a new one must be asked for
    assertThat(kindOf(() -> booking.confirm(clinic.slug(), request, code, address())))
        .isEqualTo("code-used-up");
    assertThat(
            db().sql("select count(*) from appointments where tenant_id = ?")
                .param(clinic.owner().tenant().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void waitlistCodeDiesAfterFiveWrongTries() {
    var clinic = clinic();
    var phone = egyptianPhone();
    var today = LocalDate.now(CAIRO);
    var request =
        waitlist.request(
            clinic.slug(),
            clinic.doctor(),
            "",
            today.plusDays(1),
            today.plusDays(3),
            "Waiting Guesser",
            phone,
            address());
    var code = organizations.linkToken(clinic.owner().tenant(), phone, CODE);
    for (int i = 0; i < BookingCodes.MAX; i++) {
      assertThat(kindOf(() -> waitlist.confirm(clinic.slug(), request, wrong(code), address())))
          .isEqualTo("invalid-code");
    }
    assertThat(kindOf(() -> waitlist.confirm(clinic.slug(), request, code, address())))
        .isEqualTo("code-used-up");
  }

  @Test
  void confirmationIsRateLimitedPerPhone() {
    var clinic = clinic();
    var phone = egyptianPhone();
    var tries = 0;
    var refused = false;
    // new codes for the same phone, each guessed up to its end, until the phone's tries run out
    while (!refused && tries < 40) {
      var request = requestCode(clinic, phone);
      for (int i = 0; i < BookingCodes.MAX - 1 && !refused; i++) {
        tries++;
        refused =
            kindOf(() -> booking.confirm(clinic.slug(), request, "000000", address()))
                .equals("rate-limited");
      }
    }
    assertThat(refused).isTrue();
    assertThat(tries).isEqualTo(RateLimits.CODE_CONFIRM_PER_PHONE.attempts() + 1);
  }

  @Test
  void confirmationIsRateLimitedPerAddress() {
    var clinic = clinic();
    var address = address();
    for (int i = 0; i < RateLimits.CODE_CONFIRM_PER_IP.attempts(); i++) {
      assertThat(kindOf(() -> booking.confirm(clinic.slug(), UUID.randomUUID(), "1", address)))
          .isEqualTo("not-found");
    }
    assertThat(kindOf(() -> waitlist.confirm(clinic.slug(), UUID.randomUUID(), "1", address)))
        .isEqualTo("rate-limited");
  }

  @Test
  void publicPageRefusesCodesToCountriesTheClinicDoesNotServe() {
    var clinic = clinic();
    var saudi = "+96650" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    assertThatThrownBy(() -> requestCode(clinic, saudi))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("phone-country-not-served");
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.errors())
                  .extracting(ProblemException.FieldError::field)
                  .contains("phone");
            });
    assertThat(
            db().sql("select count(*) from outbox_messages where recipient = ?")
                .param(saudi)
                .query(Long.class)
                .single())
        .isZero();

    // the owner allows Saudi Arabia; a country code that is none is refused
    var path = "/api/v1/booking-rules/phone-countries";
    assertThat(clinic.desk().get(path).body().get("countries").toString()).isEqualTo("[\"EG\"]");
    assertThat(clinic.desk().put(path, Map.of("countries", List.of("XX")), Map.of()).status())
        .isEqualTo(400);
    var allowed = clinic.desk().put(path, Map.of("countries", List.of("sa")), Map.of());
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.body().get("countries").toString()).isEqualTo("[\"EG\",\"SA\"]");
    assertThat(requestCode(clinic, saudi)).isNotNull();
  }

  @Test
  void ownerAllowsCountriesOnTheHoursPageAndThePublicPageNamesTheRefusal() {
    var clinic = clinic();
    var browser =
        io.carebook.WebSession.signIn(
            port,
            clinic.owner().email(),
            TestOrganizations.PASSWORD,
            clinic.owner().app().nextCode());
    var startsAt = clinic.aFreeTime(booking);
    var details =
        "/book/%s/details?doctorId=%s&startsAt=%s"
            .formatted(clinic.slug(), clinic.doctor().value(), startsAt);
    var form =
        "doctorId=%s&startsAt=%s&fullName=Far+Away&phone=%%2B9665%s"
            .formatted(clinic.doctor().value(), startsAt, "01234567");
    var refused = browser.post(details, "/book/" + clinic.slug() + "/requests", form);
    assertThat(refused.body()).contains("only to phones of the countries it serves");

    assertThat(browser.get("/calendar/hours").body()).contains("id=\"countries\"", "value=\"EG\"");
    browser.post("/calendar/hours", "/calendar/phone-countries", "countries=EG+SA");
    assertThat(
            booking.request(
                clinic.slug(), clinic.doctor(), startsAt, "Far Away", "+966501234567", address()))
        .isNotNull();
    browser.post("/calendar/hours", "/calendar/phone-countries", "countries=EG+NOWHERE");
    assertThat(browser.get("/calendar/hours").body()).contains("value=\"EG SA\"");
  }

  @Test
  void codesCappedPerPrefixAndClinic() {
    var clinic = clinic();
    var range = egyptianPhone().substring(0, CodeBudget.PREFIX_LENGTH);
    var cap = RateLimits.CODES_PER_PHONE_PREFIX.attempts();
    for (int i = 0; i < cap; i++) {
      requestCode(clinic, range + String.format("%06d", i));
    }
    assertThat(kindOf(() -> requestCode(clinic, range + "999999"))).isEqualTo("rate-limited");
    // another range of numbers still gets codes, until the clinic's hour is spent
    assertThat(requestCode(clinic, egyptianPhone())).isNotNull();
    var clinicKey = clinic.owner().clinic().toString();
    try {
      for (int i = 0; i < RateLimits.CODES_PER_CLINIC.attempts(); i++) {
        limits.consume(RateLimits.CODES_PER_CLINIC, clinicKey);
      }
    } catch (RateLimits.Exceeded spent) {
      // the clinic's budget is used up
    }
    assertThat(kindOf(() -> requestCode(clinic, egyptianPhone()))).isEqualTo("rate-limited");

    // the owners hear of it once, by e-mail
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long warnings = 0;
    while (warnings == 0 && System.nanoTime() < deadline) {
      warnings =
          db().sql(
                  "select count(*) from outbox_messages where tenant_id = ? and kind = ?"
                      + " and recipient = ?")
              .params(clinic.owner().tenant().value(), "CODES_THROTTLED", clinic.owner().email())
              .query(Long.class)
              .single();
      Thread.onSpinWait();
    }
    assertThat(warnings).isEqualTo(1);
  }

  @Autowired PublicCodes codes;

  /** Lets the request's code be sent again now, as if the delay had passed. */
  private void delayPassed(UUID request) {
    db().sql("update booking_requests set code_sent_at = now() - interval '1 minute' where id = ?")
        .param(request)
        .update();
  }

  @Test
  void resendsWaitAreCappedAndCountAgainstThePhonesBudget() {
    var clinic = clinic();
    var phone = egyptianPhone();
    var request = requestCode(clinic, phone);
    // at once: refused, and nothing sent
    assertThat(kindOf(() -> codes.resend(clinic.slug(), request, "BOOKING", address())))
        .isEqualTo("resend-too-soon");
    // another clinic's page, or a waitlist's code page, does not know this request
    var elsewhere = clinic();
    assertThat(kindOf(() -> codes.resend(elsewhere.slug(), request, "BOOKING", address())))
        .isEqualTo("not-found");
    assertThat(kindOf(() -> codes.resend(clinic.slug(), request, "WAITLIST", address())))
        .isEqualTo("not-found");
    assertThat(kindOf(() -> codes.sentTo(elsewhere.slug(), request, "BOOKING")))
        .isEqualTo("not-found");
    // after the delay, up to the cap per request; each a code to the phone
    for (int i = 0; i < PublicCodes.MAX_RESENDS; i++) {
      delayPassed(request);
      codes.resend(clinic.slug(), request, "BOOKING", address());
    }
    assertThat(
            organizations.linkTokens(
                clinic.owner().tenant(), phone, CODE, 1 + PublicCodes.MAX_RESENDS))
        .hasSize(1 + PublicCodes.MAX_RESENDS);
    delayPassed(request);
    assertThat(kindOf(() -> codes.resend(clinic.slug(), request, "BOOKING", address())))
        .isEqualTo("resends-used-up");
    // the resends spent the phone's hourly codes like first codes: one more request, then none
    var second = requestCode(clinic, phone);
    delayPassed(second);
    assertThat(kindOf(() -> codes.resend(clinic.slug(), second, "BOOKING", address())))
        .isEqualTo("rate-limited");
    // the masked phone shows its last two digits only
    assertThat(codes.sentTo(clinic.slug(), second, "BOOKING").maskedPhone())
        .isEqualTo("+20 •••• ••" + phone.substring(phone.length() - 2));
  }
}
