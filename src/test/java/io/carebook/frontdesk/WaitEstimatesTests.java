package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.ClinicId;
import io.carebook.shared.VisitState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WaitEstimatesTests {

  private static final Instant NINE = Instant.parse("2026-11-22T07:00:00Z");
  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final UUID DOCTOR = UUID.randomUUID();
  private static final UUID OTHER = UUID.randomUUID();

  private int token;

  private Visit visit(
      @Nullable UUID doctor, VisitState state, @Nullable Instant called, @Nullable Instant done) {
    token++;
    return new Visit(
        UUID.randomUUID(),
        CLINIC,
        UUID.randomUUID(),
        doctor,
        null,
        token,
        LocalDate.of(2026, 11, 22),
        Priority.NONE,
        state,
        null,
        NINE,
        null,
        null,
        called,
        done,
        null,
        null,
        0);
  }

  private Visit done(UUID doctor, int minutes) {
    var called = NINE.plusSeconds(token * 3600L);
    return visit(doctor, VisitState.DONE, called, called.plus(Duration.ofMinutes(minutes)));
  }

  @Test
  void withNoConsultationYetEachPatientAheadCountsTheDefault() {
    var day =
        List.of(
            visit(DOCTOR, VisitState.WAITING, null, null),
            visit(DOCTOR, VisitState.WAITING, null, null),
            visit(DOCTOR, VisitState.WAITING, null, null));
    var waits = WaitEstimates.of(day);
    assertThat(day.stream().map(v -> waits.get(v.id()).toMinutes())).containsExactly(0L, 15L, 30L);
  }

  @Test
  void aDoctorsOwnPaceCountsAndAPatientInTheRoomAddsHalfAConsultation() {
    var day = new ArrayList<Visit>();
    day.add(done(DOCTOR, 8));
    day.add(done(DOCTOR, 12));
    day.add(done(OTHER, 30));
    day.add(visit(DOCTOR, VisitState.WITH_DOCTOR, NINE, null));
    var first = visit(DOCTOR, VisitState.WAITING, null, null);
    var second = visit(DOCTOR, VisitState.WAITING, null, null);
    day.add(first);
    day.add(second);
    var waits = WaitEstimates.of(day);
    // 8 and 12 blended with the default 15 until five are done: (8 + 12 + 3 × 15) / 5 = 13
    assertThat(waits.get(first.id()))
        .isEqualTo(Duration.ofMinutes(10)); // half of 13, rounded up to 5
    assertThat(waits.get(second.id())).isEqualTo(Duration.ofMinutes(20)); // 13 + 6.5
  }

  @Test
  void patientsForAnyDoctorGoToTheDoctorFreeFirstInQueueOrder() {
    var day = new ArrayList<Visit>();
    day.add(done(DOCTOR, 20));
    day.add(done(OTHER, 20));
    var waiting = new ArrayList<Visit>();
    for (int i = 0; i < 5; i++) {
      waiting.add(visit(null, VisitState.WAITING, null, null));
    }
    day.addAll(waiting);
    var waits = WaitEstimates.of(day);
    // 20 min blended with the default 15 until five are done: 16 each, two free doctors:
    // 0, 0, 16, 16, 32, rounded up to five minutes
    assertThat(waiting.stream().map(v -> waits.get(v.id()).toMinutes()))
        .containsExactly(0L, 0L, 20L, 20L, 35L);
  }

  @Test
  void aPatientForOneDoctorWaitsBehindThoseForAnyDoctorAheadInTheQueue() {
    var walkIn = visit(null, VisitState.WAITING, null, null);
    var booked = visit(DOCTOR, VisitState.WAITING, null, null);
    var waits = WaitEstimates.of(List.of(walkIn, booked));
    assertThat(waits.get(walkIn.id())).isEqualTo(Duration.ZERO);
    assertThat(waits.get(booked.id())).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void oneLongVisitCannotTurnTenTwentyThirtyIntoFiftyNinetyFiveAndAHundredForty() {
    // the doctor usually takes 10 minutes; one visit of 10 is done, one patient is with the
    // assistant and three wait: 10, 20, 30 minutes
    var usual = Map.of(DOCTOR, Duration.ofMinutes(10));
    var day = new ArrayList<Visit>();
    day.add(done(DOCTOR, 10));
    day.add(visit(DOCTOR, VisitState.WITH_ASSISTANT, null, null));
    var waiting = new ArrayList<Visit>();
    for (int i = 0; i < 3; i++) {
      waiting.add(visit(DOCTOR, VisitState.WAITING, null, null));
    }
    day.addAll(waiting);
    var before = WaitEstimates.of(day, usual);
    assertThat(waiting.stream().map(v -> before.get(v.id()).toMinutes()))
        .containsExactly(10L, 20L, 30L);

    // a visit of 80 min 20 s ends: today's mean of two (45 min 10 s) made them 50, 95, 140
    var called = NINE.plus(Duration.ofHours(20));
    day.add(0, visit(DOCTOR, VisitState.DONE, called, called.plusSeconds(80 * 60 + 20)));
    var after = WaitEstimates.of(day, usual);
    assertThat(waiting.stream().map(v -> after.get(v.id()).toMinutes()))
        .as("one visit moves the pace by half at most: 15 min each")
        .containsExactly(15L, 30L, 45L);
    for (var v : waiting) {
      assertThat(after.get(v.id()))
          .isLessThanOrEqualTo(before.get(v.id()).plus(before.get(v.id()).dividedBy(2)));
    }
  }

  @Test
  void theUsualLengthGivesWayToTodaysOnceAHandfulAreDone() {
    var usual = Map.of(DOCTOR, Duration.ofMinutes(10));
    var day = new ArrayList<Visit>();
    for (int i = 0; i < 8; i++) {
      day.add(done(DOCTOR, 20));
    }
    var next = visit(DOCTOR, VisitState.WITH_ASSISTANT, null, null);
    var waiting = visit(DOCTOR, VisitState.WAITING, null, null);
    day.add(next);
    day.add(waiting);
    // 12, 14, 16, 18, then 20 from the fifth on: today's pace has taken over
    assertThat(WaitEstimates.of(day, usual).get(waiting.id())).isEqualTo(Duration.ofMinutes(20));
  }
}
