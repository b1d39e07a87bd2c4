package io.carebook.scheduling.web;

import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Organizations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The free time a quick-book form books: which doctor, when, for which service type; opened by a
 * click on a free slot of the calendar, with or without JavaScript.
 */
@Component
class QuickBookSlot {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Scheduling calendar;
  private final Organizations organizations;

  QuickBookSlot(Scheduling calendar, Organizations organizations) {
    this.calendar = calendar;
    this.organizations = organizations;
  }

  /** The slot chosen: the doctor's id and name, its start as an instant and as clinic time. */
  record Chosen(
      String doctorId,
      String doctorName,
      Instant startsAt,
      String time,
      LocalDate date,
      String type) {}

  /** The doctor's slot at {@code startsAt}; 404 for a doctor who is not one of the clinic's. */
  Chosen chosen(UUID doctorId, Instant startsAt, String type) {
    var zone = organizations.activeClinic().timezone();
    var doctor =
        calendar.doctors().stream()
            .filter(d -> d.userId().value().equals(doctorId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Doctor"));
    return new Chosen(
        doctorId.toString(),
        doctor.name(),
        startsAt,
        TIME.withZone(zone).format(startsAt),
        startsAt.atZone(zone).toLocalDate(),
        type);
  }

  /** Puts the chosen slot's form on a page, when a slot was chosen. */
  void addTo(Model model, UUID doctorId, Instant startsAt, String type) {
    model.addAttribute("chosen", chosen(doctorId, startsAt, type));
  }
}
