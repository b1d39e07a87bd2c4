package io.carebook.fhir;

import io.carebook.identity.Staff;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.springframework.stereotype.Component;

/**
 * Free times of the caller's clinic's doctors, computed by scheduling's availability (BOOKING, as
 * availability asks): never stored, so a slot's id is its doctor and start ({@code
 * {doctorId}-{epochSecond}}), and a slot taken since is no longer found.
 */
@Component
class SlotResources implements ResourceType {

  /** A search without {@code date} looks this far ahead from today. */
  static final int DEFAULT_DAYS = 7;

  static final int MAX_DAYS = 31;

  private final Scheduling scheduling;
  private final Organizations organizations;
  private final ScheduleResources schedules;

  SlotResources(Scheduling scheduling, Organizations organizations, ScheduleResources schedules) {
    this.scheduling = scheduling;
    this.organizations = organizations;
    this.schedules = schedules;
  }

  @Override
  public String name() {
    return "Slot";
  }

  @Override
  public Action action() {
    return Action.BOOKING;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("schedule", SearchParamType.REFERENCE, "A doctor's Schedule/{id}"),
        new SearchParameter(
            "start",
            SearchParamType.DATE,
            "When the slot starts: eq (a day), ge, gt, le, lt; the next "
                + DEFAULT_DAYS
                + " days unless given, at most "
                + MAX_DAYS
                + " days"),
        new SearchParameter("date", SearchParamType.DATE, "The same as start"),
        new SearchParameter("status", SearchParamType.TOKEN, "Only free slots are served: free"),
        new SearchParameter(
            "service-type",
            SearchParamType.TOKEN,
            "A service type's name; the standard visit" + " unless given"));
  }

  @Override
  public Resource read(String id) {
    var dash = id.lastIndexOf('-');
    if (dash < 0) {
      throw new NotFoundException("Slot");
    }
    var doctor = new UserId(Ids.uuid(id.substring(0, dash), "Slot"));
    Instant start;
    try {
      start = Instant.ofEpochSecond(Long.parseLong(id.substring(dash + 1)));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new NotFoundException("Slot");
    }
    var member =
        scheduling.doctors().stream()
            .filter(d -> d.userId().equals(doctor))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Slot"));
    var day = LocalDate.ofInstant(start, zone());
    return scheduling.availability(doctor, "", day, day).stream()
        .filter(s -> s.startsAt().equals(start))
        .findFirst()
        .map(s -> toFhir(member, s, ""))
        .orElseThrow(() -> new NotFoundException("Slot"));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    query.token("status", Set.of("free"));
    var serviceType = query.single("service-type").orElse("");
    var zone = zone();
    var range = query.date("start", zone).and(query.date("date", zone));
    var today = LocalDate.now(zone);
    var from = range.from() == null ? today : LocalDate.ofInstant(range.from(), zone);
    var to =
        range.to() == null
            ? from.plusDays(DEFAULT_DAYS)
            : LocalDate.ofInstant(range.to().minusNanos(1), zone);
    if (to.isBefore(from)) {
      return List.of();
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ProblemException.invalid("start", "must span at most " + MAX_DAYS + " days");
    }
    var doctors = doctors(query);
    var slots = new ArrayList<Slot>();
    for (var doctor : doctors) {
      scheduling.availability(doctor.userId(), serviceType, from, to).stream()
          .filter(s -> range.contains(s.startsAt()))
          .forEach(s -> slots.add(toFhir(doctor, s, serviceType)));
    }
    slots.sort(
        Comparator.comparing((Slot s) -> s.getStart())
            .thenComparing(s -> s.getIdElement().getIdPart()));
    return slots;
  }

  private List<Staff.Member> doctors(SearchQuery query) {
    var schedule = query.reference("schedule", "Schedule");
    if (schedule.isEmpty()) {
      return scheduling.doctors();
    }
    return schedules.doctorOf(schedule.get()).stream().toList();
  }

  private ZoneId zone() {
    return organizations.activeClinic().timezone();
  }

  static String idOf(UserId doctor, Instant start) {
    return doctor.value() + "-" + start.getEpochSecond();
  }

  private static Slot toFhir(Staff.Member doctor, io.carebook.scheduling.Slot slot, String type) {
    var fhir = new Slot();
    fhir.setId(idOf(doctor.userId(), slot.startsAt()));
    fhir.setSchedule(Ids.to("Schedule", ScheduleResources.idOf(doctor)));
    fhir.setStatus(SlotStatus.FREE);
    fhir.setStart(Date.from(slot.startsAt()));
    fhir.setEnd(Date.from(slot.endsAt()));
    if (!type.isEmpty()) {
      fhir.addServiceType(new CodeableConcept().setText(type));
    }
    fhir.setComment(
        slot.seatsLeft()
            + (slot.seatsLeft() == 1 ? " seat" : " seats")
            + " left, "
            + Duration.between(slot.startsAt(), slot.endsAt()).toMinutes()
            + " minutes");
    return fhir;
  }
}
