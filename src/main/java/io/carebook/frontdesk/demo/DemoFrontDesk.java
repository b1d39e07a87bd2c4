package io.carebook.frontdesk.demo;

import io.carebook.frontdesk.CheckIn;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.Transition;
import io.carebook.frontdesk.VisitMoves;
import io.carebook.frontdesk.Visits;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A busy morning at the demo clinics' desks: a dozen walk-ins with tokens, some flagged, two seen,
 * one with the doctor, one with the assistant, one who did not answer, the rest waiting.
 */
@Component
@ConditionalOnDemo
@Order(400)
class DemoFrontDesk implements DemoDataLoader {

  private static final List<Priority> FLAGS =
      List.of(
          Priority.NONE,
          Priority.NONE,
          Priority.FOLLOW_UP,
          Priority.NONE,
          Priority.ELDERLY,
          Priority.NONE,
          Priority.NONE,
          Priority.EMERGENCY,
          Priority.NONE,
          Priority.FOLLOW_UP,
          Priority.NONE,
          Priority.ELDERLY);

  private final FrontDesk frontDesk;
  private final CheckIn checkIn;
  private final VisitMoves moves;
  private final Visits visits;
  private final Scheduling calendar;
  private final PatientDirectory patients;
  private final TenantTransactions tenants;

  DemoFrontDesk(
      FrontDesk frontDesk,
      CheckIn checkIn,
      VisitMoves moves,
      Visits visits,
      Scheduling calendar,
      PatientDirectory patients,
      TenantTransactions tenants) {
    this.frontDesk = frontDesk;
    this.checkIn = checkIn;
    this.moves = moves;
    this.visits = visits;
    this.calendar = calendar;
    this.patients = patients;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    morningQueue(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI);
    morningQueue(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE);
    morningQueue(DemoOrganization.SOL, DemoOrganization.SOL_ROMA);
  }

  /** Today's queue at a clinic, unless it already has visits today; returns how many were made. */
  int morningQueue(TenantId tenant, ClinicId clinic) {
    return tenants.inClinic(
        tenant,
        clinic,
        () -> {
          if (!visits.ofDay(clinic, frontDesk.today(), null, true).isEmpty()) {
            return 0;
          }
          var people = patients.search("", FLAGS.size(), null).items();
          var now = java.time.Instant.now();
          var startOfToday = frontDesk.startOfToday();
          var doctors = calendar.doctors();
          var count = 0;
          for (int i = 0; i < people.size(); i++) {
            @Nullable UserId doctor =
                doctors.isEmpty() ? null : doctors.get(i % doctors.size()).userId();
            // a morning under way: arrivals every 9 minutes, the assistant 6 minutes
            // after, the doctor 15, consultations of 12 to 16 minutes
            var arrived = now.minus(Duration.ofMinutes(9L * (people.size() - i)));
            if (arrived.isBefore(startOfToday)) { // just after midnight: all of it today
              arrived = now.minus(Duration.ofSeconds(people.size() - i));
            }
            var visit =
                checkIn.walkIn(
                    new CheckIn.WalkIn(people.get(i).id().value(), null, doctor, FLAGS.get(i)),
                    arrived);
            for (var step : stepsOf(i)) {
              var at =
                  switch (step) {
                    case START_ASSISTANT -> arrived.plus(Duration.ofMinutes(6));
                    case START_DOCTOR -> arrived.plus(Duration.ofMinutes(15));
                    case COMPLETE -> arrived.plus(Duration.ofMinutes(27 + i % 5));
                    default -> arrived.plus(Duration.ofMinutes(30));
                  };
              moves.moveAsSystem(visit.id(), step, null, at);
            }
            count++;
          }
          return count;
        });
  }

  /**
   * The first two seen, the third with the doctor, the fourth with the assistant, the fifth gone.
   */
  private static List<Transition> stepsOf(int arrival) {
    return switch (arrival) {
      case 0, 1 ->
          List.of(Transition.START_ASSISTANT, Transition.START_DOCTOR, Transition.COMPLETE);
      case 2 -> List.of(Transition.START_DOCTOR);
      case 3 -> List.of(Transition.START_ASSISTANT);
      case 5 -> List.of(Transition.NO_SHOW);
      default -> List.of();
    };
  }
}
