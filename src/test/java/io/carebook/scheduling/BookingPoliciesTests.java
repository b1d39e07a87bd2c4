package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each booking policy on its own, without Spring: a table of asks against one window, each with the
 * rule that must refuse it first (or none), and each rule checked alone to allow and to refuse.
 */
class BookingPoliciesTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final LocalDate MONDAY = LocalDate.of(2027, 3, 22);
  private static final Instant NOW = MONDAY.atTime(8, 10).atZone(CAIRO).toInstant();

  /** 20-minute visits on a 15-minute grid, 2 seats, 1 h notice, 10 days ahead, 3 a day. */
  private static final BookingRules RULES =
      new BookingRules(
          "",
          Duration.ofMinutes(20),
          Duration.ZERO,
          Duration.ofMinutes(10),
          Duration.ofHours(1),
          Duration.ofDays(10),
          Duration.ofMinutes(15),
          3,
          2);

  private static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(CAIRO).toInstant();
  }

  /**
   * Hours 09:00–13:00 every day but Friday; Wednesday off; this clinic's bookings and another's.
   */
  private static DoctorWindow window(
      boolean offered, Map<LocalDate, Integer> live, @Nullable Integer monthlyLimit, int month) {
    var weekly = new ArrayList<WeeklyHours>();
    for (var day : DayOfWeek.values()) {
      if (day != DayOfWeek.FRIDAY) {
        weekly.add(new WeeklyHours(day, LocalTime.of(9, 0), LocalTime.of(13, 0)));
      }
    }
    var busy =
        List.of(
            // two of this clinic's patients at 10:00 (its two seats)
            new BusyTime.Interval(CLINIC.value(), at(MONDAY, 10, 0), at(MONDAY, 10, 30)),
            new BusyTime.Interval(CLINIC.value(), at(MONDAY, 10, 0), at(MONDAY, 10, 30)),
            // one at 11:00: a seat is left
            new BusyTime.Interval(CLINIC.value(), at(MONDAY, 11, 0), at(MONDAY, 11, 30)),
            // another clinic's patient at 12:00: no seat at all
            new BusyTime.Interval(UUID.randomUUID(), at(MONDAY, 12, 0), at(MONDAY, 12, 30)));
    return new DoctorWindow(
        CLINIC,
        new UserId(UUID.randomUUID()),
        CAIRO,
        true,
        RULES,
        offered,
        weekly,
        List.of(new Hours.Override(MONDAY.plusDays(2), "OFF", null, null)),
        busy,
        live,
        monthlyLimit,
        month);
  }

  private static final DoctorWindow OPEN = window(true, Map.of(MONDAY.plusDays(1), 3), 100, 10);

  static Stream<Arguments> asks() {
    var tuesday = MONDAY.plusDays(1);
    return Stream.of(
        Arguments.of("free", OPEN, at(MONDAY, 9, 15), null),
        Arguments.of("one seat left of two", OPEN, at(MONDAY, 11, 0), null),
        Arguments.of(
            "a type the clinic does not offer",
            window(false, Map.of(), null, 0),
            at(MONDAY, 9, 15),
            "service-type-offered"),
        Arguments.of("before the hours", OPEN, at(MONDAY, 8, 45), "within-hours"),
        Arguments.of("ending after the hours", OPEN, at(MONDAY, 12, 45), "within-hours"),
        Arguments.of("a Friday", OPEN, at(MONDAY.plusDays(4), 9, 0), "within-hours"),
        Arguments.of("a day off", OPEN, at(MONDAY.plusDays(2), 9, 0), "within-hours"),
        Arguments.of("off the grid", OPEN, at(MONDAY, 9, 10), "on-grid"),
        Arguments.of("too soon", OPEN, at(MONDAY, 9, 0), "minimum-notice"),
        Arguments.of("too far", OPEN, at(MONDAY.plusDays(12), 9, 0), "horizon"),
        Arguments.of("a full day", OPEN, at(tuesday, 9, 0), "daily-cap"),
        Arguments.of("both seats taken", OPEN, at(MONDAY, 10, 0), "seats-left"),
        Arguments.of("in a buffer", OPEN, at(MONDAY, 9, 45), "seats-left"),
        Arguments.of("busy at another clinic", OPEN, at(MONDAY, 12, 0), "seats-left"),
        Arguments.of(
            "a full month",
            window(true, Map.of(), 100, 100),
            at(MONDAY, 9, 15),
            "plan-monthly-limit"),
        Arguments.of(
            "no limit on the plan",
            window(true, Map.of(), null, 100_000),
            at(MONDAY, 9, 15),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asks")
  void theFirstRuleThatRefusesNamesTheRefusal(
      String ask, DoctorWindow window, Instant start, @Nullable String refusedBy) {
    var refusing =
        BookingPolicies.firstRefusing(BookingPolicies.BOOKING, new BookingAsk(window, start, NOW));
    assertThat(refusing.map(BookingPolicy::name))
        .as(ask)
        .isEqualTo(java.util.Optional.ofNullable(refusedBy));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asks")
  void aRefusedAskIsAllowedByEveryOtherRuleBeforeIt(
      String ask, DoctorWindow window, Instant start, @Nullable String refusedBy) {
    var judged = new BookingAsk(window, start, NOW);
    for (var policy : BookingPolicies.BOOKING) {
      if (policy.name().equals(refusedBy)) {
        assertThat(policy.allows(judged)).as(ask).isFalse();
        break;
      }
      assertThat(policy.allows(judged)).as(ask + ": " + policy.name()).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void eachRuleHasAStableNameAndItsProblem() {
    assertThat(BookingPolicies.BOOKING.stream().map(BookingPolicy::name))
        .containsExactly(
            "service-type-offered",
            "within-hours",
            "on-grid",
            "minimum-notice",
            "horizon",
            "daily-cap",
            "seats-left",
            "plan-monthly-limit");
    assertThat(new MonthlyPlanLimit().problem()).isEqualTo(BookingPolicy.Problem.PLAN_LIMIT);
    assertThat(new ServiceTypeOffered().problem()).isEqualTo(BookingPolicy.Problem.NOT_OFFERED);
    assertThat(new MinimumNotice().problem()).isEqualTo(BookingPolicy.Problem.SLOT_TAKEN);
  }

  @org.junit.jupiter.api.Test
  void theSeatsLeftAreCountedFromTheBusyTimeOfThisClinic() {
    assertThat(SeatsLeft.left(new BookingAsk(OPEN, at(MONDAY, 9, 15), NOW))).isEqualTo(2);
    assertThat(SeatsLeft.left(new BookingAsk(OPEN, at(MONDAY, 11, 0), NOW))).isEqualTo(1);
    assertThat(SeatsLeft.left(new BookingAsk(OPEN, at(MONDAY, 12, 0), NOW))).isZero();
  }

  @org.junit.jupiter.api.Test
  void aTimeHeldForTheBookingIsJudgedOnlyByTheCounts() {
    assertThat(
            BookingPolicies.firstRefusing(
                BookingPolicies.HELD, new BookingAsk(OPEN, at(MONDAY, 10, 0), NOW)))
        .isEmpty();
    assertThat(
            BookingPolicies.firstRefusing(
                    BookingPolicies.HELD, new BookingAsk(OPEN, at(MONDAY.plusDays(1), 10, 0), NOW))
                .map(BookingPolicy::name))
        .contains("daily-cap");
  }

  @org.junit.jupiter.api.Test
  void ofALocalTimeThatOccursTwiceOnlyTheFirstIsOnTheGrid() {
    var madrid = ZoneId.of("Europe/Madrid");
    var autumn = LocalDate.of(2027, 10, 31); // 03:00 goes back to 02:00
    var window =
        new DoctorWindow(
            CLINIC,
            new UserId(UUID.randomUUID()),
            madrid,
            true,
            RULES,
            List.of(),
            List.of(),
            List.of(),
            Map.of());
    var first = autumn.atTime(2, 30).atZone(madrid).withEarlierOffsetAtOverlap().toInstant();
    var second = first.plus(Duration.ofHours(1));
    assertThat(new OnGrid().allows(new BookingAsk(window, first, NOW))).isTrue();
    assertThat(new OnGrid().allows(new BookingAsk(window, second, NOW))).isFalse();
  }
}
