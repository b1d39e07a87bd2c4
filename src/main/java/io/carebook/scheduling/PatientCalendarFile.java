package io.carebook.scheduling;

import io.carebook.tenancy.Clinic;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One appointment as an iCalendar file (RFC 5545) for the patient's own calendar, behind their
 * private manage link: the time, the clinic and its address, and the link to move or cancel.
 */
final class PatientCalendarFile {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private PatientCalendarFile() {}

  static String of(Appointment appointment, Clinic clinic, String manageUrl, Instant now) {
    var ics = new StringBuilder();
    CalendarFeeds.line(ics, "BEGIN:VCALENDAR");
    CalendarFeeds.line(ics, "VERSION:2.0");
    CalendarFeeds.line(ics, "PRODID:-//Carebook//Appointment//EN");
    CalendarFeeds.line(ics, "CALSCALE:GREGORIAN");
    CalendarFeeds.line(ics, "METHOD:PUBLISH");
    CalendarFeeds.line(ics, "BEGIN:VEVENT");
    CalendarFeeds.line(ics, "UID:" + appointment.id() + "@carebook");
    CalendarFeeds.line(ics, "DTSTAMP:" + UTC.format(now));
    CalendarFeeds.line(ics, "DTSTART:" + UTC.format(appointment.startsAt()));
    CalendarFeeds.line(ics, "DTEND:" + UTC.format(appointment.endsAt()));
    CalendarFeeds.line(ics, "SUMMARY:" + CalendarFeeds.text(clinic.name()));
    if (clinic.address() != null && !clinic.address().isBlank()) {
      CalendarFeeds.line(ics, "LOCATION:" + CalendarFeeds.text(clinic.address()));
    }
    CalendarFeeds.line(ics, "URL:" + manageUrl);
    CalendarFeeds.line(
        ics,
        "STATUS:"
            + (appointment.status() == AppointmentStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
    CalendarFeeds.line(ics, "END:VEVENT");
    CalendarFeeds.line(ics, "END:VCALENDAR");
    return ics.toString();
  }
}
