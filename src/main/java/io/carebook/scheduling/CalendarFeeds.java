package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's private iCalendar feed (RFC 5545) for their phone calendar: the appointments of the
 * last month and the next three, at one clinic. The events name no patient — a phone calendar is no
 * place for health data — only the time, the clinic and a link to the calendar page.
 */
@Service
public class CalendarFeeds {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final Scheduling calendar;
  private final Organizations organizations;
  private final Clock clock;
  private final TenantTransactions tenants;

  CalendarFeeds(
      JdbcClient jdbc,
      Scheduling calendar,
      Organizations organizations,
      Clock clock,
      TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.organizations = organizations;
    this.clock = clock;
    this.tenants = tenants;
  }

  /** A new secret link for the doctor's feed at the active clinic; an older link stops working. */
  @Transactional
  public String newLink(UserId doctor) {
    calendar.weeklyHours(doctor); // the doctor works here
    var token = Secrets.randomToken();
    jdbc.sql(
            """
            insert into calendar_feeds (tenant_id, clinic_id, doctor_id, token_hash) values (?, ?, ?, ?)
            on conflict (tenant_id, clinic_id, doctor_id) do update set token_hash = excluded.token_hash,
              created_at = now()""")
        .params(
            TenantContext.tenant().value(),
            TenantContext.clinic().value(),
            doctor.value(),
            Secrets.sha256(token))
        .update();
    return "/calendar/feeds/" + token + ".ics";
  }

  /** The feed behind a link, or empty when the link is unknown or replaced. */
  public Optional<String> feed(String token, String baseUrl) {
    var route =
        tenants.beforeTenant(
            () ->
                jdbc.sql("select * from calendar_feed_by_hash(?)")
                    .param(Secrets.sha256(token))
                    .query(
                        (rs, n) ->
                            new UUID[] {
                              rs.getObject(1, UUID.class),
                              rs.getObject(2, UUID.class),
                              rs.getObject(3, UUID.class)
                            })
                    .optional());
    return route.map(
        r ->
            tenants.inClinic(
                new TenantId(r[0]), new ClinicId(r[1]), () -> render(new UserId(r[2]), baseUrl)));
  }

  private String render(UserId doctor, String baseUrl) {
    var clinic = organizations.activeClinic();
    var now = clock.instant();
    var ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Carebook//Calendar feed//EN");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "X-WR-CALNAME:" + text(clinic.name()));
    for (var a :
        calendar.between(doctor, now.minus(Duration.ofDays(31)), now.plus(Duration.ofDays(92)))) {
      if (a.status() == AppointmentStatus.CANCELLED) {
        continue;
      }
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + a.id() + "@carebook");
      line(ics, "DTSTAMP:" + UTC.format(now));
      line(ics, "DTSTART:" + UTC.format(a.startsAt()));
      line(ics, "DTEND:" + UTC.format(a.endsAt()));
      line(ics, "SUMMARY:" + text("Appointment · " + clinic.name()));
      line(
          ics,
          "URL:"
              + baseUrl
              + "/calendar?date="
              + a.startsAt().atZone(clinic.timezone()).toLocalDate());
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  /** RFC 5545 TEXT: backslash, semicolon, comma and newline escaped. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }

  /** A content line, folded at 75 octets as RFC 5545 asks, ended by CRLF. */
  static void line(StringBuilder ics, String content) {
    var bytes = content.getBytes(StandardCharsets.UTF_8);
    var start = 0;
    var first = true;
    while (start < bytes.length) {
      var limit = first ? 75 : 74;
      var end = Math.min(bytes.length, start + limit);
      while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
        end--; // never split a UTF-8 character
      }
      if (!first) {
        ics.append(' ');
      }
      ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
      start = end;
      first = false;
    }
  }
}
