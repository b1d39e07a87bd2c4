package io.carebook.agents.mcp;

import io.carebook.identity.Staff;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The calling agent's clinic as the tools show it: its time zone (every time is given both as an
 * instant with the clinic's offset and as the clinic's local date and time) and its doctors' names.
 */
record ClinicView(Clinic clinic, Map<UserId, String> doctors) {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  ZoneId zone() {
    return clinic.timezone();
  }

  /** A bookable time, with the id that book_appointment and move_appointment take. */
  Map<String, Object> slot(UserId doctor, Instant startsAt, Instant endsAt, int seatsLeft) {
    var slot = new LinkedHashMap<String, Object>();
    slot.put("slotId", Arguments.SlotId.of(doctor, startsAt));
    slot.put("doctorId", doctor.value().toString());
    slot.put("doctorName", doctors.getOrDefault(doctor, ""));
    times(slot, startsAt, endsAt);
    slot.put("seatsLeft", seatsLeft);
    return slot;
  }

  Map<String, Object> appointment(Appointment appointment) {
    var view = new LinkedHashMap<String, Object>();
    view.put("appointmentId", appointment.id().toString());
    view.put("status", appointment.status().name());
    view.put("confirmed", appointment.confirmed());
    view.put("doctorId", appointment.doctorId().value().toString());
    view.put("doctorName", doctors.getOrDefault(appointment.doctorId(), ""));
    view.put("patientId", appointment.patientId().toString());
    view.put("serviceType", appointment.serviceType());
    times(view, appointment.startsAt(), appointment.endsAt());
    if (appointment.cancelReason() != null) {
      view.put("cancelReason", appointment.cancelReason());
    }
    return view;
  }

  List<Map<String, Object>> appointments(List<Appointment> appointments) {
    return appointments.stream().map(this::appointment).toList();
  }

  private void times(Map<String, Object> view, Instant startsAt, Instant endsAt) {
    var starts = startsAt.atZone(zone());
    view.put("startsAt", starts.toOffsetDateTime().toString());
    view.put("endsAt", endsAt.atZone(zone()).toOffsetDateTime().toString());
    view.put("localDate", starts.toLocalDate().toString());
    view.put("localTime", HOUR.format(starts));
    view.put("weekday", starts.getDayOfWeek().name());
    view.put("timeZone", zone().getId());
  }

  /** Reads the view of the active clinic (two short read-only transactions). */
  @Component
  static class Reader {

    private final Organizations organizations;
    private final Scheduling calendar;

    Reader(Organizations organizations, Scheduling calendar) {
      this.organizations = organizations;
      this.calendar = calendar;
    }

    ClinicView current() {
      var doctors =
          calendar.doctors().stream()
              .collect(
                  Collectors.toMap(
                      Staff.Member::userId, Staff.Member::name, (a, b) -> a, LinkedHashMap::new));
      return new ClinicView(organizations.activeClinic(), doctors);
    }
  }
}
