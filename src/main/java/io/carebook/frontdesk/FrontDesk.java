package io.carebook.frontdesk;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.VisitId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front desk's visits as other modules read them: one visit of the active clinic, a patient's
 * visits, a visit's moves, and the days' counts for reports.
 *
 * <p>Checking in is {@link CheckIn}'s, moving visits (and calling the next patient) {@link
 * VisitMoves}', and reading the day's queue {@link DeskBoard}'s.
 */
@Service
public class FrontDesk {

  private final Visits visits;
  private final PatientDirectory patients;
  private final Organizations organizations;
  private final Permissions permissions;
  private final Clock clock;

  FrontDesk(
      Visits visits,
      PatientDirectory patients,
      Organizations organizations,
      Permissions permissions,
      Clock clock) {
    this.visits = visits;
    this.patients = patients;
    this.organizations = organizations;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** The clinic-local day that {@code at} falls on: the day whose tokens it takes. */
  public static LocalDate tokenDay(Instant at, ZoneId clinicZone) {
    return at.atZone(clinicZone).toLocalDate();
  }

  /** Today in the active clinic's time zone. */
  @Transactional(readOnly = true)
  public LocalDate today() {
    return tokenDay(clock.instant(), organizations.activeClinic().timezone());
  }

  /** When today began in the active clinic's time zone. */
  public Instant startOfToday() {
    return today().atStartOfDay(organizations.activeClinic().timezone()).toInstant();
  }

  @Transactional(readOnly = true)
  public Visit get(VisitId id) {
    permissions.require(Action.PATIENT_VIEW);
    return visits
        .find(id.value())
        .filter(v -> v.clinicId().equals(TenantContext.clinic()))
        .orElseThrow(() -> new NotFoundException("Visit"));
  }

  /**
   * A patient's visits at every clinic of the organization, newest first (the chart is
   * organization-wide, DESIGN.md §2), at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<Visit> visitsOf(PatientId patient, int limit) {
    permissions.require(Action.PATIENT_VIEW);
    return visits.ofPatient(patients.get(patient).id().value(), Math.clamp(limit, 1, 500));
  }

  /**
   * As {@link #visitsOf(PatientId, int)}, only those after the visit checked in at {@code afterAt}
   * with {@code afterId} in that order (all from the newest without them): a keyset page.
   */
  @Transactional(readOnly = true)
  public List<Visit> visitsOf(
      PatientId patient, int limit, @Nullable Instant afterAt, @Nullable UUID afterId) {
    if (afterAt == null || afterId == null) {
      return visitsOf(patient, limit);
    }
    permissions.require(Action.PATIENT_VIEW);
    return visits.ofPatient(
        patients.get(patient).id().value(), afterAt, afterId, Math.clamp(limit, 1, 500));
  }

  /** A visit's moves, oldest first. */
  @Transactional(readOnly = true)
  public List<Step> history(UUID id) {
    get(new VisitId(id));
    return visits.history(id).stream()
        .map(s -> new Step(s.from(), s.to(), s.at(), s.by()))
        .toList();
  }

  public record Step(@Nullable VisitState from, VisitState to, Instant at, @Nullable UUID by) {}

  /**
   * A day of the active clinic, for reports: visits done (walk-ins among them), patients who did
   * not come, and the mean consultation in minutes.
   */
  public record DayCount(
      LocalDate day, int done, int noShows, int walkIns, double consultMinutes) {}

  /** The active clinic's days from {@code from} to {@code to}, those with visits (REPORTS_VIEW). */
  @Transactional(readOnly = true)
  public List<DayCount> countsByDay(LocalDate from, LocalDate to) {
    permissions.require(Action.REPORTS_VIEW);
    return visits.countsByDay(TenantContext.clinic(), from, to);
  }

  // fhir: the FHIR facade's search of encounters by date

  /**
   * The active clinic's visits whose time [arrival, end or now) overlaps [from, to) (a span of the
   * clinic's days, at most {@value #MOST_DAYS_OVERLAPPING} of them), in {@code states} (null: any),
   * by arrival then id, after the key (arrival, id) a previous page ended with (both null for the
   * first page), at most {@code limit} (1 to 1001). PATIENT_VIEW.
   */
  @Transactional(readOnly = true)
  public List<Visit> visitsOverlapping(
      Instant from,
      Instant to,
      java.util.@Nullable Collection<VisitState> states,
      @Nullable Instant afterArrival,
      @Nullable UUID afterId,
      int limit) {
    permissions.require(Action.PATIENT_VIEW);
    var zone = organizations.activeClinic().timezone();
    var firstDay = LocalDate.ofInstant(from, zone).minusDays(1); // a visit from the evening before
    var lastDay = LocalDate.ofInstant(to, zone);
    if (firstDay.plusDays(MOST_DAYS_OVERLAPPING + 1).isBefore(lastDay)) {
      throw new IllegalArgumentException("at most " + MOST_DAYS_OVERLAPPING + " days");
    }
    var names =
        states == null
            ? null
            : String.join(",", states.stream().map(VisitState::name).sorted().toList());
    return visits.overlapping(
        TenantContext.clinic(),
        firstDay,
        lastDay,
        from,
        to,
        names,
        afterArrival,
        afterId,
        Math.clamp(limit, 1, 1001));
  }

  /** The most days a search of visits by date may span. */
  public static final int MOST_DAYS_OVERLAPPING = 92;
}
