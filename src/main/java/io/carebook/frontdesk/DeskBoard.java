package io.carebook.frontdesk;

import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue read of the front desk: today's visits of the active clinic in queue order, their
 * estimated waits, and the booked patients still expected; and, for the desk's board, those visits
 * in columns (by state or by doctor) beside the day's arrivals in time order. It only reads:
 * checking in is {@link CheckIn}'s, moving visits {@link VisitMoves}'.
 *
 * <p><b>Queue order</b>: priority first — EMERGENCY, then ELDERLY, then FOLLOW_UP, then none — and
 * within a priority, by token (the order of arrival). A flag moves a patient ahead of everyone of
 * lower priority but never ahead of an earlier token of the same priority.
 */
@Service
public class DeskBoard {

  /** How the board's columns are cut. */
  public enum View {
    /** Waiting, with the assistant, with the doctor, done today (and the closed ones apart). */
    STATE,
    /** One column per doctor at work, and one for visits for any doctor. */
    DOCTOR
  }

  /** The key of the column of visits that are for any doctor, in the by-doctor view. */
  public static final String ANY_DOCTOR = "ANY";

  /** The columns of the by-state view, in the order a visit goes through them. */
  public static final List<String> STATES =
      List.of("WAITING", "WITH_ASSISTANT", "WITH_DOCTOR", "DONE");

  /** The key of the canceled and no-show visits, shown apart from the columns. */
  public static final String CLOSED = "CLOSED";

  /** A column of the board: a state's name, a doctor's user id or {@link #ANY_DOCTOR}. */
  public record Column(String key, List<Visit> visits) {}

  /** A booked patient not checked in yet; {@code lateMinutes} past the time booked, 0 if not. */
  public record Arrival(Appointment appointment, long lateMinutes) {
    public boolean late() {
      return lateMinutes > 0;
    }
  }

  /**
   * The desk's board of today: its columns in order, the closed visits, every visit's estimated
   * wait (for the waiting ones), and the arrivals still expected, earliest first.
   */
  public record Board(
      LocalDate day,
      View view,
      List<Column> columns,
      List<Visit> closed,
      Map<UUID, Duration> waits,
      List<Arrival> arrivals) {}

  private final Visits visits;
  private final Scheduling calendar;
  private final Organizations organizations;
  private final Permissions permissions;
  private final Clock clock;

  DeskBoard(
      Visits visits,
      Scheduling calendar,
      Organizations organizations,
      Permissions permissions,
      Clock clock) {
    this.visits = visits;
    this.calendar = calendar;
    this.organizations = organizations;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** Today in the active clinic's time zone. */
  @Transactional(readOnly = true)
  public LocalDate today() {
    return FrontDesk.tokenDay(clock.instant(), organizations.activeClinic().timezone());
  }

  /**
   * Today's board of the active clinic, one doctor's if given: every visit of the day in columns
   * cut by {@code view}, in queue order within each, and the expected arrivals.
   */
  @Transactional(readOnly = true)
  public Board board(@Nullable UserId doctor, View view) {
    var day = queue(doctor, true);
    var waits = doctor == null ? estimatedWaits(day) : estimatedWaits();
    var columns = new LinkedHashMap<String, List<Visit>>();
    var closed = new ArrayList<Visit>();
    if (view == View.STATE) {
      STATES.forEach(s -> columns.put(s, new ArrayList<>()));
    } else {
      calendar.doctors().stream()
          .filter(d -> doctor == null || d.userId().equals(doctor))
          .forEach(d -> columns.put(d.userId().value().toString(), new ArrayList<>()));
      columns.put(ANY_DOCTOR, new ArrayList<>());
    }
    for (var v : day) {
      if (v.state() == VisitState.CANCELED || v.state() == VisitState.NO_SHOW) {
        closed.add(v);
      } else if (view == View.STATE) {
        columns.get(v.state().name()).add(v);
      } else if (v.state() != VisitState.DONE) { // by doctor: who is still to be seen, and by whom
        var key = v.doctorId() == null ? ANY_DOCTOR : v.doctorId().toString();
        columns.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
      }
    }
    if (view == View.DOCTOR) {
      // the one in the room first, then with the assistant, then the waiting ones in queue order
      columns.replaceAll(
          (k, list) ->
              list.stream()
                  .sorted(Comparator.comparingInt((Visit v) -> -v.state().ordinal()))
                  .toList());
    }
    var now = clock.instant();
    var arrivals =
        expected(doctor).stream()
            .sorted(Comparator.comparing(Appointment::startsAt))
            .map(a -> new Arrival(a, lateMinutes(a.startsAt(), now)))
            .toList();
    return new Board(
        today(),
        view,
        columns.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList(),
        closed,
        waits,
        arrivals);
  }

  private static long lateMinutes(Instant booked, Instant now) {
    return now.isAfter(booked) ? Math.max(1, Duration.between(booked, now).toMinutes()) : 0;
  }

  /**
   * Today's queue of the active clinic in queue order: visits under way, or every visit of the day
   * with {@code closedToo}; one doctor's when given.
   */
  @Transactional(readOnly = true)
  public List<Visit> queue(@Nullable UserId doctor, boolean closedToo) {
    permissions.require(Action.PATIENT_VIEW);
    return visits.ofDay(
        TenantContext.clinic(), today(), doctor == null ? null : doctor.value(), closedToo);
  }

  /** The estimated wait of each waiting visit of the active clinic today (see WaitEstimates). */
  @Transactional(readOnly = true)
  public Map<UUID, Duration> estimatedWaits() {
    permissions.require(Action.PATIENT_VIEW);
    return estimatedWaits(visits.ofDay(TenantContext.clinic(), today(), null, true));
  }

  /**
   * The same, from the whole day's visits a caller already holds ({@code queue(null, true)}), with
   * each doctor's usual consultation length over the last {@value WaitEstimates#HISTORY_DAYS} days.
   */
  @Transactional(readOnly = true)
  public Map<UUID, Duration> estimatedWaits(List<Visit> day) {
    var today = today();
    var usual =
        visits.usualConsultations(
            TenantContext.clinic(), today.minusDays(WaitEstimates.HISTORY_DAYS), today);
    return WaitEstimates.of(day, usual);
  }

  /** Today's booked appointments of the active clinic not yet checked in; one doctor's if given. */
  @Transactional(readOnly = true)
  public List<Appointment> expected(@Nullable UserId doctor) {
    return appointmentsToday(doctor).stream()
        .filter(a -> a.status() == AppointmentStatus.BOOKED)
        .toList();
  }

  /** Today's appointments of the active clinic, whatever their status; one doctor's if given. */
  @Transactional(readOnly = true)
  public List<Appointment> appointmentsToday(@Nullable UserId doctor) {
    permissions.require(Action.PATIENT_VIEW);
    var clinic = organizations.activeClinic();
    var day = today();
    return calendar.between(
        doctor,
        day.atStartOfDay(clinic.timezone()).toInstant(),
        day.plusDays(1).atStartOfDay(clinic.timezone()).toInstant());
  }
}
