package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.ClinicId;
import io.carebook.shared.VisitState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    assertThat(waits.get(first.id()))
        .isEqualTo(Duration.ofMinutes(5)); // half of 10, rounded up to 5
    assertThat(waits.get(second.id())).isEqualTo(Duration.ofMinutes(15)); // 10 + 5
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
    // 20 min each, two free doctors: 0, 0, 20, 20, 40
    assertThat(waiting.stream().map(v -> waits.get(v.id()).toMinutes()))
        .containsExactly(0L, 0L, 20L, 20L, 40L);
  }

  @Test
  void aPatientForOneDoctorWaitsBehindThoseForAnyDoctorAheadInTheQueue() {
    var walkIn = visit(null, VisitState.WAITING, null, null);
    var booked = visit(DOCTOR, VisitState.WAITING, null, null);
    var waits = WaitEstimates.of(List.of(walkIn, booked));
    assertThat(waits.get(walkIn.id())).isEqualTo(Duration.ZERO);
    assertThat(waits.get(booked.id())).isEqualTo(Duration.ofMinutes(15));
  }
}
