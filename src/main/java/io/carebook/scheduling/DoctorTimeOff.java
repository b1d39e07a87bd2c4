package io.carebook.scheduling;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may block a doctor's time, where, and who may lift it. A doctor's time is shared by every
 * organization they work for, so:
 *
 * <ul>
 *   <li>the doctor themself records their own leave: busy at every clinic, of every organization;
 *   <li>an organization records time off at its active clinic only: the doctor stays free at every
 *       other clinic, and other organizations neither see it nor are blocked by it;
 *   <li>an entry is lifted by the doctor, or by the organization that recorded it (404 to others);
 *   <li>each entry is bounded ({@link TimeOffBounds}): at most 90 days, at most a year ahead.
 * </ul>
 *
 * Other organizations' entries are never listed: they reach availability as busy time only.
 */
@Service
public class DoctorTimeOff {

  private final BusyTime busy;
  private final Staff staff;
  private final Clock clock;

  DoctorTimeOff(BusyTime busy, Staff staff, Clock clock) {
    this.busy = busy;
    this.staff = staff;
    this.clock = clock;
  }

  /** Whether the signed-in user is {@code doctor}: their own time off is theirs to manage. */
  public static boolean isSelf(UserId doctor) {
    return currentUser().filter(doctor::equals).isPresent();
  }

  /**
   * Records time off of an active doctor of the active clinic: everywhere when the doctor records
   * it, else at this clinic only. 409 {@code slot-taken} over appointments or other time off.
   */
  @Transactional
  public TimeOffEntry record(UserId doctor, Instant starts, Instant ends, String kind) {
    requireDoctorOfClinic(doctor);
    TimeOffBounds.check(starts, ends, clock.instant());
    var by = currentUser().orElseThrow(() -> new NotFoundException("Doctor"));
    var everywhere = by.equals(doctor);
    var entry = new TimeOffEntry(UUID.randomUUID(), doctor, starts, ends, kind, everywhere);
    var held =
        everywhere
            ? busy.blockEverywhere(entry, by, TenantContext.tenant())
            : busy.blockAtClinic(entry, TenantContext.clinic(), by, TenantContext.tenant());
    if (!held) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "slot-taken",
          "The doctor has appointments or time off in that time; move them first.");
    }
    return entry;
  }

  /** The doctor's current and future time off that the caller may see in detail. */
  @Transactional(readOnly = true)
  public List<TimeOffEntry> list(UserId doctor) {
    var self = isSelf(doctor);
    if (!self) {
      requireDoctorOfClinic(doctor);
    }
    return busy.timeOff(doctor, TenantContext.tenant(), self);
  }

  /** Lifts an entry: the doctor's own, or one this organization recorded; otherwise 404. */
  @Transactional
  public void lift(UserId doctor, UUID entry) {
    if (!busy.lift(doctor, entry, TenantContext.tenant(), isSelf(doctor))) {
      throw new NotFoundException("Time off");
    }
  }

  private void requireDoctorOfClinic(UserId doctor) {
    if (staff.members().stream()
        .noneMatch(
            m -> m.active() && m.roles().contains(Role.DOCTOR) && m.userId().equals(doctor))) {
      throw new NotFoundException("Doctor");
    }
  }

  private static Optional<UserId> currentUser() {
    return TenantContext.current().map(TenantContext.Scope::user);
  }
}
