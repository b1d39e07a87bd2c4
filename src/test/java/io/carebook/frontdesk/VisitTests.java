package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The visit's state machine, without Spring: every step from every state. */
class VisitTests {

  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
  private static final TenantId TENANT = new TenantId(UUID.randomUUID());
  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final UUID DOCTOR = UUID.randomUUID();
  private static final UUID NURSE = UUID.randomUUID();
  private static final Visit.By A_DOCTOR = new Visit.By(DOCTOR, () -> true);
  private static final Visit.By A_NURSE = new Visit.By(NURSE, () -> false);

  /** The states each step may leave; every other state refuses it. */
  private static final Map<Transition, Set<VisitState>> LEGAL =
      Map.of(
          Transition.START_ASSISTANT, EnumSet.of(VisitState.WAITING),
          Transition.START_DOCTOR, EnumSet.of(VisitState.WAITING, VisitState.WITH_ASSISTANT),
          Transition.COMPLETE, EnumSet.of(VisitState.WITH_DOCTOR),
          Transition.CANCEL,
              EnumSet.of(VisitState.WAITING, VisitState.WITH_ASSISTANT, VisitState.WITH_DOCTOR),
          Transition.NO_SHOW, EnumSet.of(VisitState.WAITING));

  private static Visit visit(VisitState state, @Nullable UUID doctor) {
    return new Visit(
        UUID.randomUUID(),
        CLINIC,
        UUID.randomUUID(),
        doctor,
        null,
        1,
        LocalDate.of(2026, 11, 22),
        Priority.NONE,
        state,
        null,
        NOW.minusSeconds(600),
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  private static final Set<VisitState> VISIT_STATES =
      EnumSet.of(
          VisitState.WAITING,
          VisitState.WITH_ASSISTANT,
          VisitState.WITH_DOCTOR,
          VisitState.DONE,
          VisitState.CANCELED,
          VisitState.NO_SHOW);

  @Test
  void everyLegalStepGoesForwardToItsState() {
    LEGAL.forEach(
        (transition, states) ->
            states.forEach(
                state -> {
                  var step = visit(state, DOCTOR).take(transition, A_NURSE, NOW, "felt better");
                  assertThat(step.from()).isEqualTo(state);
                  assertThat(step.to()).isEqualTo(transition.to());
                  assertThat(step.at()).isEqualTo(NOW);
                  assertThat(step.by()).isEqualTo(NURSE);
                }));
  }

  @Test
  void everyIllegalStepIsAConflictNamingTheState() {
    for (var transition : Transition.values()) {
      for (var state : VISIT_STATES) {
        if (LEGAL.get(transition).contains(state)) {
          continue;
        }
        assertThatThrownBy(() -> visit(state, DOCTOR).take(transition, A_NURSE, NOW, "why"))
            .as(transition + " from " + state)
            .isInstanceOfSatisfying(
                ProblemException.class,
                e -> {
                  assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                  assertThat(e.kind()).isEqualTo("invalid-transition");
                  assertThat(e.properties()).containsEntry("state", state.name());
                  assertThat(e.getMessage())
                      .isEqualTo(
                          "A visit that is "
                              + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                              + " cannot take this step.");
                });
      }
    }
  }

  @Test
  void theStepsEventSaysWhatHappened() {
    var waiting = visit(VisitState.WAITING, DOCTOR);
    assertThat(waiting.take(Transition.START_ASSISTANT, A_NURSE, NOW, null).event(TENANT))
        .isEqualTo(
            new VisitStarted(
                TENANT,
                CLINIC,
                new VisitId(waiting.id()),
                VisitState.WAITING,
                VisitState.WITH_ASSISTANT,
                NURSE,
                NOW));
    assertThat(waiting.take(Transition.NO_SHOW, A_NURSE, NOW, null).event(TENANT))
        .isEqualTo(new VisitMarkedNoShow(TENANT, CLINIC, new VisitId(waiting.id()), NURSE, NOW));
    assertThat(waiting.take(Transition.CANCEL, A_NURSE, NOW, "  felt better ").event(TENANT))
        .isEqualTo(
            new VisitCanceled(
                TENANT,
                CLINIC,
                new VisitId(waiting.id()),
                VisitState.WAITING,
                "felt better",
                NURSE,
                NOW));
    var inRoom = visit(VisitState.WITH_DOCTOR, DOCTOR);
    assertThat(inRoom.take(Transition.COMPLETE, A_DOCTOR, NOW, null).event(TENANT))
        .isEqualTo(
            new VisitCompleted(
                TENANT, CLINIC, new VisitId(inRoom.id()), DOCTOR, NOW, inRoom.patientId(), DOCTOR));
  }

  @Test
  void cancelingNeedsAReason() {
    for (var reason : new String[] {null, "", "   "}) {
      assertThatThrownBy(
              () -> visit(VisitState.WAITING, null).take(Transition.CANCEL, A_NURSE, NOW, reason))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(e.errors())
                    .extracting(ProblemException.FieldError::field)
                    .containsExactly("reason");
              });
    }
    assertThat(
            visit(VisitState.WAITING, null)
                .take(Transition.CANCEL, A_NURSE, NOW, " gone ")
                .reason())
        .isEqualTo("gone");
  }

  @Test
  void aDoctorWhoCallsInAPatientForAnyDoctorGetsTheVisit() {
    var forAnyone = visit(VisitState.WAITING, null);
    assertThat(forAnyone.take(Transition.START_DOCTOR, A_DOCTOR, NOW, null).assignTo())
        .isEqualTo(DOCTOR);
    assertThat(forAnyone.take(Transition.START_DOCTOR, A_NURSE, NOW, null).assignTo()).isNull();
    assertThat(
            visit(VisitState.WAITING, DOCTOR)
                .take(
                    Transition.START_DOCTOR, new Visit.By(UUID.randomUUID(), () -> true), NOW, null)
                .assignTo())
        .isNull();
  }

  @Test
  void completingAVisitForAnyDoctorCreditsTheDoctorWhoCompletesIt() {
    var forAnyone = visit(VisitState.WITH_DOCTOR, null);
    assertThat(forAnyone.take(Transition.COMPLETE, A_DOCTOR, NOW, null).doctor()).isEqualTo(DOCTOR);
    assertThat(forAnyone.take(Transition.COMPLETE, A_NURSE, NOW, null).doctor()).isNull();
    assertThat(forAnyone.take(Transition.COMPLETE, Visit.By.system(), NOW, null).doctor()).isNull();
  }

  @Test
  void whetherTheMemberIsADoctorIsAskedOnlyWhenTheStepDependsOnIt() {
    Visit.By asking =
        new Visit.By(
            NURSE,
            () -> {
              throw new AssertionError("asked");
            });
    visit(VisitState.WAITING, null).take(Transition.START_ASSISTANT, asking, NOW, null);
    visit(VisitState.WAITING, DOCTOR).take(Transition.START_DOCTOR, asking, NOW, null);
    visit(VisitState.WITH_DOCTOR, DOCTOR).take(Transition.COMPLETE, asking, NOW, null);
  }
}
