package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Availability's sweep over the busy time, without Spring: on a table of windows (seats, buffers,
 * another clinic's time, time off across days, daylight-saving days, caps, overrides) it offers
 * exactly the slots that judging every start of the grid by the slot rules ({@link SeatsLeft}
 * scanning the busy time for each) offered before, with the same seats left.
 */
class BusySweepTests {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final UUID ELSEWHERE = UUID.randomUUID();

  private static BookingRules rules(
      int minutes, int before, int after, int alignment, @Nullable Integer cap, int seats) {
    return new BookingRules(
        "",
        Duration.ofMinutes(minutes),
        Duration.ofMinutes(before),
        Duration.ofMinutes(after),
        Duration.ofHours(1),
        Duration.ofDays(30),
        Duration.ofMinutes(alignment),
        cap,
        seats);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(MADRID).toInstant();
  }

  private static BusyTime.Interval here(LocalDate day, int hour, int minute, int minutes) {
    var start = at(day, hour, minute);
    return new BusyTime.Interval(CLINIC.value(), start, start.plus(Duration.ofMinutes(minutes)));
  }

  private static BusyTime.Interval there(LocalDate day, int hour, int minute, int minutes) {
    var start = at(day, hour, minute);
    return new BusyTime.Interval(ELSEWHERE, start, start.plus(Duration.ofMinutes(minutes)));
  }

  /** 08:00–14:00 and 15:00–19:00 every day but Sunday, 01:00–05:00 on Sundays (DST nights). */
  private static List<WeeklyHours> hours() {
    var weekly = new ArrayList<WeeklyHours>();
    for (var day : DayOfWeek.values()) {
      if (day == DayOfWeek.SUNDAY) {
        weekly.add(new WeeklyHours(day, LocalTime.of(1, 0), LocalTime.of(5, 0)));
      } else {
        weekly.add(new WeeklyHours(day, LocalTime.of(8, 0), LocalTime.of(14, 0)));
        weekly.add(new WeeklyHours(day, LocalTime.of(15, 0), LocalTime.of(19, 0)));
      }
    }
    return weekly;
  }

  private static DoctorWindow window(
      BookingRules rules,
      List<BusyTime.Interval> busy,
      List<Hours.Override> overrides,
      Map<LocalDate, Integer> live) {
    return new DoctorWindow(
        CLINIC, new UserId(UUID.randomUUID()), MADRID, true, rules, hours(), overrides, busy, live);
  }

  /** Every start of the grid judged by the slot rules, the busy time scanned for each. */
  private static List<Slot> judgedOneByOne(
      DoctorWindow window, LocalDate from, LocalDate to, Instant now) {
    List<BookingPolicy> policies = List.of(new MinimumNotice(), new Horizon(), new SeatsLeft());
    var slots = new ArrayList<Slot>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (DailyCap.reached(window, day)) {
        continue;
      }
      for (var range : Hours.workingRanges(day, window.weekly(), window.overrides())) {
        for (var start : Availability.grid(day, range[0], range[1], window.rules(), MADRID)) {
          var ask = new BookingAsk(window, start, now);
          if (BookingPolicies.firstRefusing(policies, ask).isEmpty()) {
            slots.add(new Slot(start, ask.end(), SeatsLeft.left(ask)));
          }
        }
      }
    }
    return slots;
  }

  // spring forward in Madrid on 2027-03-28, back on 2026-10-25 (both Sundays)
  private static final LocalDate SPRING = LocalDate.of(2027, 3, 28);
  private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

  static Stream<Arguments> windows() {
    var monday = SPRING.plusDays(1);
    var tuesday = monday.plusDays(1);
    return Stream.of(
        Arguments.of(
            "nothing busy",
            window(rules(30, 0, 0, 30, null, 1), List.of(), List.of(), Map.of()),
            SPRING),
        Arguments.of(
            "one seat, bookings here and elsewhere",
            window(
                rules(30, 0, 0, 15, null, 1),
                List.of(
                    here(monday, 9, 0, 30), there(monday, 11, 0, 45), here(tuesday, 18, 30, 30)),
                List.of(),
                Map.of()),
            SPRING),
        Arguments.of(
            "three seats, overlapping bookings of different lengths",
            window(
                rules(20, 0, 0, 10, null, 3),
                List.of(
                    here(monday, 9, 0, 20),
                    here(monday, 9, 0, 60),
                    here(monday, 9, 10, 20),
                    here(monday, 9, 40, 20),
                    here(monday, 10, 0, 120),
                    there(monday, 13, 0, 5)),
                List.of(),
                Map.of()),
            SPRING),
        Arguments.of(
            "buffers before and after, two seats",
            window(
                rules(30, 15, 10, 15, null, 2),
                List.of(
                    here(monday, 8, 30, 30),
                    here(monday, 8, 45, 30),
                    here(monday, 12, 0, 30),
                    there(monday, 16, 0, 30),
                    here(tuesday, 8, 0, 15)),
                List.of(),
                Map.of()),
            SPRING),
        Arguments.of(
            "time off across days and a long booking inside it",
            window(
                rules(15, 5, 5, 15, null, 2),
                List.of(
                    there(monday, 13, 0, 60 * 30),
                    here(monday, 9, 0, 15),
                    here(tuesday, 10, 0, 240)),
                List.of(),
                Map.of()),
            SPRING),
        Arguments.of(
            "the night spring skips",
            window(
                rules(30, 0, 0, 30, null, 2),
                List.of(here(SPRING, 1, 30, 30), here(SPRING, 3, 0, 60), here(SPRING, 3, 30, 30)),
                List.of(),
                Map.of()),
            SPRING.minusDays(1)),
        Arguments.of(
            "the night autumn repeats",
            window(
                rules(30, 10, 10, 30, null, 1),
                List.of(here(AUTUMN, 1, 0, 30), there(AUTUMN, 2, 30, 30), here(AUTUMN, 4, 0, 15)),
                List.of(),
                Map.of()),
            AUTUMN.minusDays(1)),
        Arguments.of(
            "a capped day, a day off and extended hours",
            window(
                rules(30, 0, 0, 30, 2, 1),
                List.of(here(monday, 20, 0, 30), here(tuesday, 9, 0, 30)),
                List.of(
                    new Hours.Override(monday, "EXTEND", LocalTime.of(19, 30), LocalTime.of(22, 0)),
                    new Hours.Override(monday.plusDays(2), "OFF", null, null),
                    new Hours.Override(
                        monday.plusDays(3), "REPLACE", LocalTime.of(10, 0), LocalTime.of(12, 0))),
                Map.of(tuesday, 2)),
            SPRING),
        Arguments.of(
            "overlapping working ranges",
            window(
                rules(30, 0, 0, 15, null, 1),
                List.of(here(monday, 12, 0, 60), here(monday, 13, 15, 30)),
                List.of(
                    new Hours.Override(monday, "EXTEND", LocalTime.of(12, 0), LocalTime.of(16, 0))),
                Map.of()),
            SPRING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windows")
  void theSweepOffersTheSlotsThatJudgingEachStartOffered(
      String name, DoctorWindow window, LocalDate from) {
    var now = from.minusDays(1).atTime(12, 0).atZone(MADRID).toInstant();
    var to = from.plusDays(6);
    var availability = new Availability(null, Clock.fixed(now, ZoneOffset.UTC));

    var slots = availability.slots(window, from, to);

    assertThat(slots).isEqualTo(judgedOneByOne(window, from, to, now));
  }

  @Test
  void theSweepCountsSeatsAsSeatsLeftDoes() {
    var monday = SPRING.plusDays(1);
    var window =
        window(
            rules(30, 0, 0, 30, null, 2),
            List.of(here(monday, 9, 0, 30), here(monday, 9, 0, 60), there(monday, 11, 0, 30)),
            List.of(),
            Map.of());
    var now = at(SPRING, 0, 0);
    var availability = new Availability(null, Clock.fixed(now, ZoneOffset.UTC));

    var slots = availability.slots(window, monday, monday);

    assertThat(slots)
        .filteredOn(s -> s.startsAt().isBefore(at(monday, 11, 30)))
        .extracting(s -> s.startsAt().atZone(MADRID).toLocalTime(), Slot::seatsLeft)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(8, 0), 2),
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(8, 30), 2),
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(9, 30), 1),
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(10, 0), 2),
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(10, 30), 2));
  }

  @Test
  void randomBusyTimeGivesTheSameSlotsAsJudgingEachStart() {
    var random = new Random(18);
    var monday = SPRING.plusDays(1);
    for (int round = 0; round < 200; round++) {
      var busy = new ArrayList<BusyTime.Interval>();
      for (int i = random.nextInt(40); i > 0; i--) {
        var day = monday.plusDays(random.nextInt(6));
        var interval =
            random.nextInt(8) == 0
                ? there(day, 7 + random.nextInt(12), 5 * random.nextInt(12), 5 + random.nextInt(90))
                : here(day, 7 + random.nextInt(12), 5 * random.nextInt(12), 5 + random.nextInt(90));
        busy.add(interval);
      }
      var rules =
          rules(
              5 * (1 + random.nextInt(12)),
              5 * random.nextInt(4),
              5 * random.nextInt(4),
              5 * (1 + random.nextInt(6)),
              null,
              1 + random.nextInt(4));
      var window = window(rules, busy, List.of(), Map.of());
      var now = at(SPRING, 0, 0);
      var availability = new Availability(null, Clock.fixed(now, ZoneOffset.UTC));

      assertThat(availability.slots(window, monday, monday.plusDays(6)))
          .isEqualTo(judgedOneByOne(window, monday, monday.plusDays(6), now));
    }
  }

  @Test
  void timesAskedOutOfOrderAreStillAnsweredRight() {
    var monday = SPRING.plusDays(1);
    var window =
        window(
            rules(30, 0, 0, 30, null, 2),
            List.of(here(monday, 9, 0, 30), here(monday, 9, 0, 30), there(monday, 11, 0, 30)),
            List.of(),
            Map.of());
    var sweep = new BusySweep(window);

    assertThat(sweep.left(at(monday, 11, 0), at(monday, 11, 30))).isZero();
    assertThat(sweep.left(at(monday, 9, 0), at(monday, 9, 30))).isZero();
    assertThat(sweep.left(at(monday, 10, 0), at(monday, 10, 30))).isEqualTo(2);
    assertThat(sweep.left(at(monday, 8, 45), at(monday, 9, 15))).isZero();
    assertThat(sweep.left(at(monday, 8, 0), at(monday, 8, 30))).isEqualTo(2);
  }
}
