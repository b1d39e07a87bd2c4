package io.carebook.scheduling;

import io.carebook.scheduling.CalendarGrid.Cell;
import io.carebook.scheduling.CalendarGrid.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Places one doctor's day on the calendar grid: hours, time away, appointments and free times. */
final class GridPlacing {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** What goes on one doctor's column for {@code day}; only appointments without a window. */
  static List<Cell> cells(
      GridLayout layout,
      ZoneId zone,
      int seats,
      @Nullable DoctorWindow window,
      LocalDate day,
      List<Appointment> theirs,
      Map<java.util.UUID, String> names,
      List<Slot> free) {
    var placing = new GridPlacing(layout, zone, seats);
    if (window != null) {
      Hours.workingRanges(day, window.weekly(), window.overrides()).forEach(placing::hours);
      placing.away(window, theirs, day);
    }
    return placing.placed(theirs, names, free);
  }

  private final GridLayout layout;
  private final ZoneId zone;
  private final int seats;
  private final List<Cell> cells = new ArrayList<>();

  private GridPlacing(GridLayout layout, ZoneId zone, int seats) {
    this.layout = layout;
    this.zone = zone;
    this.seats = seats;
  }

  void hours(LocalTime[] range) {
    var row = layout.row(range[0]);
    cells.add(
        new Cell(
            Kind.HOURS,
            row,
            layout.span(range[0], range[1]),
            1,
            GridLayout.LANES,
            TIME.format(range[0]),
            Instant.EPOCH,
            null,
            "",
            ""));
  }

  /** Busy time of theirs that is no appointment here: leave, or another clinic's patient. */
  void away(DoctorWindow window, List<Appointment> here, LocalDate day) {
    var from = day.atStartOfDay(zone).toInstant();
    var to = day.plusDays(1).atStartOfDay(zone).toInstant();
    for (var busy : window.busy()) {
      var overlapsHere =
          here.stream()
              .filter(a -> a.status() != AppointmentStatus.CANCELLED)
              .anyMatch(
                  a -> a.startsAt().isBefore(busy.ends()) && busy.starts().isBefore(a.endsAt()));
      if (overlapsHere || !busy.starts().isBefore(to) || !busy.ends().isAfter(from)) {
        continue;
      }
      var starts = busy.starts().isBefore(from) ? LocalTime.MIDNIGHT : local(busy.starts());
      var ends = busy.ends().isAfter(to) ? LocalTime.MIDNIGHT : local(busy.ends());
      cells.add(
          new Cell(
              Kind.AWAY,
              layout.row(starts),
              layout.span(starts, ends),
              1,
              GridLayout.LANES,
              TIME.format(starts),
              busy.starts(),
              null,
              "",
              ""));
    }
  }

  private List<Cell> placed(
      List<Appointment> theirs, Map<java.util.UUID, String> names, List<Slot> free) {
    var laned = new ArrayList<Cell>();
    for (var a : theirs) {
      var starts = local(a.startsAt());
      var sharing =
          theirs.stream()
              .filter(o -> o.status() != AppointmentStatus.CANCELLED)
              .filter(o -> o.startsAt().equals(a.startsAt()))
              .count();
      laned.add(
          new Cell(
              Kind.APPOINTMENT,
              layout.row(starts),
              layout.span(starts, local(a.endsAt())),
              1,
              GridLayout.LANES,
              TIME.format(starts),
              a.startsAt(),
              a,
              names.getOrDefault(a.patientId(), ""),
              seats > 1 && a.status() != AppointmentStatus.CANCELLED ? sharing + "/" + seats : ""));
    }
    for (var slot : free) {
      var starts = local(slot.startsAt());
      laned.add(
          new Cell(
              Kind.FREE,
              layout.row(starts),
              1,
              1,
              GridLayout.LANES,
              TIME.format(starts),
              slot.startsAt(),
              null,
              "",
              seats > 1 ? (seats - slot.seatsLeft()) + "/" + seats : ""));
    }
    var lanes =
        GridLayout.lanes(laned.stream().map(c -> new int[] {c.row(), c.row() + c.span()}).toList());
    for (int i = 0; i < laned.size(); i++) {
      var c = laned.get(i);
      var lane = lanes.get(i);
      cells.add(
          new Cell(
              c.kind(),
              c.row(),
              c.span(),
              lane.column(),
              lane.span(),
              c.time(),
              c.startsAt(),
              c.appointment(),
              c.patient(),
              c.seats()));
    }
    return List.copyOf(cells);
  }

  private LocalTime local(Instant instant) {
    return instant.atZone(zone).toLocalTime();
  }
}
