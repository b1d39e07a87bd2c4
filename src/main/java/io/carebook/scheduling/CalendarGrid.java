package io.carebook.scheduling;

import io.carebook.identity.Staff;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff calendar's day as a time grid (a read model): rows of the clinic's grid step from the
 * earliest start to the latest end of the doctors' hours that day, a column per doctor, and in each
 * column the doctor's hours, time they are away (leave, another clinic), their appointments sized
 * by duration and their free times, placed by {@link GridLayout}.
 */
@Service
public class CalendarGrid {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Scheduling calendar;
  private final Availability availability;
  private final PatientDirectory patients;
  private final Organizations organizations;

  CalendarGrid(
      Scheduling calendar,
      Availability availability,
      PatientDirectory patients,
      Organizations organizations) {
    this.calendar = calendar;
    this.availability = availability;
    this.patients = patients;
    this.organizations = organizations;
  }

  /** A day: the time of each row, and a column per doctor. */
  public record Day(List<Row> rows, List<Column> columns) {}

  /** A row of the grid: its time, and whether it starts an hour (labelled) or not. */
  public record Row(String time, boolean hour) {}

  /** A doctor's column: what is placed on it, and how many live appointments they have. */
  public record Column(Staff.Member doctor, List<Cell> cells, long booked) {

    /** The doctor's free times, in order. */
    public List<Cell> free() {
      return cells.stream().filter(c -> c.kind() == Kind.FREE).toList();
    }
  }

  /** What a cell is. */
  public enum Kind {
    HOURS,
    AWAY,
    FREE,
    APPOINTMENT
  }

  /**
   * A placed thing: its rows and narrow columns (CSS grid lines), its clinic time, and the
   * appointment (with the patient's name and the seats of a shared slot, "2/4") or the free slot.
   */
  public record Cell(
      Kind kind,
      int row,
      int span,
      int column,
      int columns,
      String time,
      Instant startsAt,
      @Nullable Appointment appointment,
      String patient,
      String seats) {

    /** The cell's place on the grid, as a CSS declaration. */
    public String place() {
      return "grid-row:"
          + row
          + " / span "
          + span
          + ";grid-column:"
          + column
          + " / span "
          + columns;
    }
  }

  /**
   * The active clinic's {@code day}; free times of {@code serviceType} only {@code withFree} (for
   * those who may book).
   */
  @Transactional(readOnly = true)
  public Day day(LocalDate day, String serviceType, boolean withFree) {
    var zone = organizations.activeClinic().timezone();
    var doctors = calendar.doctors();
    var windows =
        doctors.isEmpty()
            ? List.<DoctorWindow>of()
            : availability.windows(
                doctors.stream().map(Staff.Member::userId).toList(), serviceType, day, day);
    var byDoctor = windows.stream().collect(Collectors.toMap(DoctorWindow::doctor, w -> w));
    var rules = calendar.rules(serviceType);
    var ranges = new ArrayList<LocalTime[]>();
    windows.forEach(w -> ranges.addAll(Hours.workingRanges(day, w.weekly(), w.overrides())));
    var step = Math.clamp(rules.alignment().toMinutes(), 10, 60);
    var layout = GridLayout.spanning(ranges, (int) step);
    var booked =
        calendar
            .between(
                null,
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant())
            .stream()
            .collect(Collectors.groupingBy(Appointment::doctorId));
    var names =
        patients.names(
            booked.values().stream().flatMap(List::stream).map(Appointment::patientId).toList());
    var columns = new ArrayList<Column>();
    for (var doctor : doctors) {
      var window = byDoctor.get(doctor.userId());
      var theirs = booked.getOrDefault(doctor.userId(), List.of());
      var free =
          window != null && withFree ? availability.slots(window, day, day) : List.<Slot>of();
      columns.add(
          new Column(
              doctor,
              GridPlacing.cells(layout, zone, rules.seats(), window, day, theirs, names, free),
              live(theirs)));
    }
    return new Day(rows(layout), columns);
  }

  /** A day of one doctor's week: the date, what is placed on it, how many live appointments. */
  public record DayColumn(LocalDate date, List<Cell> cells, long booked) {}

  /** One doctor's week as a grid: the time of each row, and a column per day. */
  public record Week(List<Row> rows, List<DayColumn> days) {}

  /**
   * The doctor's week at the active clinic from {@code first}, seven days; free times of the
   * standard visit only {@code withFree}. 404 for a doctor who is not one of the clinic's.
   */
  @Transactional(readOnly = true)
  public Week week(UserId doctor, LocalDate first, boolean withFree) {
    var zone = organizations.activeClinic().timezone();
    var last = first.plusDays(6);
    var window = availability.window(doctor, "", first, last);
    if (!window.activeDoctor()) {
      throw new NotFoundException("Doctor");
    }
    var ranges = new ArrayList<LocalTime[]>();
    for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
      ranges.addAll(Hours.workingRanges(day, window.weekly(), window.overrides()));
    }
    var rules = window.rules();
    var layout =
        GridLayout.spanning(ranges, (int) Math.clamp(rules.alignment().toMinutes(), 10, 60));
    var booked =
        calendar.between(
            doctor,
            first.atStartOfDay(zone).toInstant(),
            last.plusDays(1).atStartOfDay(zone).toInstant());
    var names = patients.names(booked.stream().map(Appointment::patientId).toList());
    var free = withFree ? availability.slots(window, first, last) : List.<Slot>of();
    var days = new ArrayList<DayColumn>();
    for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
      var date = day;
      var theirs =
          booked.stream()
              .filter(a -> a.startsAt().atZone(zone).toLocalDate().equals(date))
              .toList();
      var open =
          free.stream().filter(s -> s.startsAt().atZone(zone).toLocalDate().equals(date)).toList();
      days.add(
          new DayColumn(
              day,
              GridPlacing.cells(layout, zone, rules.seats(), window, day, theirs, names, open),
              live(theirs)));
    }
    return new Week(rows(layout), days);
  }

  private static List<Row> rows(GridLayout layout) {
    return layout.times().stream().map(t -> new Row(TIME.format(t), t.getMinute() == 0)).toList();
  }

  private static long live(List<Appointment> appointments) {
    return appointments.stream().filter(a -> a.status() != AppointmentStatus.CANCELLED).count();
  }
}
