package io.carebook.frontdesk;

import io.carebook.frontdesk.VisitEvents.VisitCanceled;
import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.frontdesk.VisitEvents.VisitMarkedNoShow;
import io.carebook.frontdesk.VisitEvents.VisitStarted;
import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.shared.VisitId;
import io.carebook.shared.VisitState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * One patient's passage through the clinic on one day, with the token they were given; the
 * aggregate that guards the visit's state machine ({@link #take}).
 */
public record Visit(
    UUID id,
    ClinicId clinicId,
    UUID patientId,
    @Nullable UUID doctorId,
    @Nullable UUID appointmentId,
    int token,
    LocalDate tokenDay,
    Priority priority,
    VisitState state,
    @Nullable String cancelReason,
    Instant createdAt,
    @Nullable UUID checkedInBy,
    @Nullable Instant withAssistantAt,
    @Nullable Instant withDoctorAt,
    @Nullable Instant doneAt,
    @Nullable Instant canceledAt,
    @Nullable Instant noShowAt,
    int version) {

  /**
   * Who takes a step: a member (or nobody, for the system) and whether they are a doctor of the
   * clinic, asked only when the step depends on it.
   */
  public record By(@Nullable UUID user, BooleanSupplier doctorHere) {

    /** The system (the demo): no member, no doctor. */
    public static By system() {
      return new By(null, () -> false);
    }

    boolean isDoctor() {
      return user != null && doctorHere.getAsBoolean();
    }
  }

  /**
   * A move this visit took: the state it left and the one it is in now, the doctor it falls to when
   * it was for any doctor and a doctor called it in ({@code assignTo}), the reason given to cancel,
   * and the event to publish.
   */
  public record Move(
      Visit visit,
      Transition transition,
      @Nullable UUID by,
      Instant at,
      @Nullable String reason,
      @Nullable UUID assignTo,
      @Nullable UUID doctor) {

    public VisitState from() {
      return visit.state();
    }

    public VisitState to() {
      return transition.to();
    }

    /** What happened, as the event other modules hear of, in the organization {@code tenant}. */
    public Object event(TenantId tenant) {
      var clinic = visit.clinicId();
      var id = new VisitId(visit.id());
      return switch (transition) {
        case START_ASSISTANT, START_DOCTOR ->
            new VisitStarted(tenant, clinic, id, from(), to(), by, at);
        case COMPLETE -> new VisitCompleted(tenant, clinic, id, by, at, visit.patientId(), doctor);
        case CANCEL -> new VisitCanceled(tenant, clinic, id, from(), reasonGiven(), by, at);
        case NO_SHOW -> new VisitMarkedNoShow(tenant, clinic, id, by, at);
      };
    }

    private String reasonGiven() {
      if (reason == null) {
        throw new IllegalStateException("a cancel without a reason");
      }
      return reason;
    }
  }

  /**
   * Takes {@code transition} now, forward only: 409 {@code /problems/invalid-transition} when the
   * visit's state does not allow it, 400 when a cancel has no reason. Who may take it (the
   * permission matrix) is the caller's to ask first. A doctor who calls in a patient for any doctor
   * gets the visit; completing a visit for any doctor credits the doctor who completes it.
   */
  public Move take(Transition transition, By by, Instant now, @Nullable String reason) {
    if (!transition.leaves(state)) {
      throw invalidStep();
    }
    String why = null;
    if (transition == Transition.CANCEL) {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalid("reason", "is required");
      }
      why = reason.trim();
    }
    var doctorTakesIt =
        doctorId == null
            && (transition == Transition.START_DOCTOR || transition == Transition.COMPLETE)
            && by.isDoctor();
    var assignTo = doctorTakesIt && transition == Transition.START_DOCTOR ? by.user() : null;
    var doctor = doctorTakesIt && transition == Transition.COMPLETE ? by.user() : doctorId;
    return new Move(this, transition, by.user(), now, why, assignTo, doctor);
  }

  /** The problem of a step this visit's state does not allow. */
  private ProblemException invalidStep() {
    return new ProblemException(
            HttpStatus.CONFLICT,
            "invalid-transition",
            "A visit that is "
                + state.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " cannot take this step.")
        .property("state", state.name());
  }
}
