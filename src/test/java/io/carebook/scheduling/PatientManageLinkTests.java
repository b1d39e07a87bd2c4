package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.PublishedEvents;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient who books on the public page receives their private link to move or cancel, and the
 * appointment as a calendar file behind the same link; the outbox keeps that link's token masked.
 */
@CarebookTest
class PatientManageLinkTests {

  private static final Pattern CODE = Pattern.compile("(\\d{6}) ");
  private static final Pattern MANAGE = Pattern.compile("/book/manage/([A-Za-z0-9_-]+) ");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Autowired TestOrganizations organizations;
  @Autowired OnlineBooking booking;
  @Autowired ManageLinks manageLinks;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void patientWhoBooksOnlineReceivesTheirManageLinkAndCalendarFileMaskedInTheOutbox()
      throws InterruptedException {
    var started = Instant.now().minusSeconds(1);
    PublishedEvents.capture(environment);
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var slug =
        db().sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    var startsAt = booking.page(slug, "", 7).doctors().getFirst().slots().getFirst().startsAt();
    var phone =
        String.format(
            "+2011%02d%06d",
            ThreadLocalRandom.current().nextInt(100), ThreadLocalRandom.current().nextInt(1000000));

    // the patient books on the public page and confirms with the code sent to their phone
    var patient = WebSession.anonymous(port);
    var details = "/book/" + slug + "/details?doctorId=" + doctor + "&startsAt=" + startsAt;
    var requested =
        patient.post(
            details,
            "/book/" + slug + "/requests",
            "doctorId="
                + doctor
                + "&startsAt="
                + startsAt
                + "&fullName="
                + encode("Salma Online")
                + "&phone="
                + encode(phone));
    var codePage = requested.uri().getPath();
    assertThat(codePage).startsWith("/book/" + slug + "/requests/");
    var code = organizations.linkToken(owner.tenant(), phone, CODE);
    var confirmed = patient.post(codePage, codePage, "code=" + code);
    assertThat(confirmed.uri().getPath()).startsWith("/book/manage/");
    var token = confirmed.uri().getPath().substring("/book/manage/".length());

    // the delivered confirmation carries that private link, not the general booking page
    var sent = organizations.linkToken(owner.tenant(), phone, MANAGE);
    assertThat(sent).isEqualTo(token);
    var calendarFile =
        organizations.linkToken(
            owner.tenant(),
            phone,
            Pattern.compile("/book/manage/([A-Za-z0-9_-]+)/appointment\\.ics"));
    assertThat(calendarFile).isEqualTo(token);

    // the link opens their appointment, for whoever holds it (no sign-in)
    var stranger = WebSession.anonymous(port);
    var managed = stranger.get("/book/manage/" + token);
    assertThat(managed.statusCode()).isEqualTo(200);
    assertThat(managed.body())
        .contains("id=\"when\"")
        .contains("/book/manage/" + token + "/cancel")
        .contains("id=\"add-to-calendar\"");
    // in Arabic, the day and month in Arabic, with the Arabic comma before the time
    var inArabic = WebSession.anonymous(port).get("/book/manage/" + token + "?lang=ar");
    assertThat(inArabic.body()).contains(arabicDayTime(startsAt, clinicZone(owner)));

    // and the calendar file holds the appointment's own times
    var appointment = manageLinks.managed(token).orElseThrow().appointment();
    assertThat(appointment.startsAt()).isEqualTo(startsAt);
    var ics = stranger.get("/book/manage/" + token + "/appointment.ics");
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    assertThat(ics.body())
        .startsWith("BEGIN:VCALENDAR\r\n")
        .contains("VERSION:2.0\r\n")
        .contains("BEGIN:VEVENT\r\n")
        .contains("UID:" + appointment.id() + "@carebook\r\n")
        .contains("DTSTART:" + UTC.format(startsAt) + "\r\n")
        .contains("DTEND:" + UTC.format(appointment.endsAt()) + "\r\n")
        .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    assertThat(appointment.endsAt()).isAfter(startsAt);

    // what the outbox stores has the token masked
    var stored =
        db().sql(
                "select string_agg(body || variables::text, ' ') from outbox_messages"
                    + " where tenant_id = ? and recipient = ?")
            .params(owner.tenant().value(), phone)
            .query(String.class)
            .single();
    assertThat(stored).contains("/book/manage/••••••").doesNotContain(token);
    // nor does the event that carried it to notifications
    var events = PublishedEvents.since(environment, started);
    assertThat(events).contains("BookingConfirmed").contains("ciphertext").doesNotContain(token);
    // and the registry let go of each publication once its listener had run
    assertThat(publicationsKeptSince(started, owner.tenant().value().toString())).isZero();
  }

  @Test
  void theBookingDetailsPageSaysTheDayInArabicOnAnArabicPage() {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var slug =
        db().sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    var startsAt = booking.page(slug, "", 7).doctors().getFirst().slots().getFirst().startsAt();
    var details = "/book/" + slug + "/details?doctorId=" + doctor + "&startsAt=" + startsAt;

    var arabic = WebSession.anonymous(port).get(details + "&lang=ar").body();
    var zone = clinicZone(owner);
    assertThat(arabic)
        .contains(arabicDayTime(startsAt, zone))
        .doesNotContain(
            DateTimeFormatter.ofPattern("EEEE", java.util.Locale.ENGLISH)
                .withZone(zone)
                .format(startsAt));
    var english = WebSession.anonymous(port).get(details + "&lang=en").body();
    assertThat(english)
        .contains(
            DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", java.util.Locale.ENGLISH)
                .withZone(zone)
                .format(startsAt));
  }

  /** How an Arabic page writes a time: Arabic day and month names, the Arabic comma. */
  private static String arabicDayTime(java.time.Instant at, java.time.ZoneId zone) {
    return DateTimeFormatter.ofPattern(
            "EEEE d MMMM\u060C HH:mm", java.util.Locale.forLanguageTag("ar"))
        .withZone(zone)
        .format(at);
  }

  private java.time.ZoneId clinicZone(TestOrganizations.Owner owner) {
    return java.time.ZoneId.of(
        db().sql("select timezone from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single());
  }

  @Test
  void aGuessedManageTokenOpensNoCalendarFile() {
    var guess =
        WebSession.anonymous(port).get("/book/manage/" + "A".repeat(96) + "/appointment.ics");
    assertThat(guess.statusCode()).isEqualTo(404);
    assertThat(guess.body()).doesNotContain("VCALENDAR");
  }

  private JdbcClient db() {
    return OwnerDatabase.jdbc(environment);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * An organization's publications since {@code since} still in the registry (events carry their
   * tenant's id), after waiting up to 10 s for their listeners.
   */
  private long publicationsKeptSince(Instant since, String tenant) throws InterruptedException {
    long kept = -1;
    for (var tries = 0; tries < 100 && kept != 0; tries++) {
      if (tries > 0) {
        Thread.sleep(100);
      }
      kept =
          db().sql(
                  "select count(*) from event_publication where publication_date >= ?"
                      + " and serialized_event like '%' || ? || '%'")
              .params(java.sql.Timestamp.from(since), tenant)
              .query(Long.class)
              .single();
    }
    return kept;
  }
}
