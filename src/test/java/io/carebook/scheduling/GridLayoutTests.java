package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calendar grid's arithmetic: rows from the hours, spans from durations, lanes for overlaps.
 */
class GridLayoutTests {

  private static LocalTime[] range(String from, String to) {
    return new LocalTime[] {LocalTime.parse(from), LocalTime.parse(to)};
  }

  @Test
  void theGridRunsFromTheEarliestStartToTheLatestEndInWholeHours() {
    var grid = GridLayout.spanning(List.of(range("09:30", "13:00"), range("16:00", "19:45")), 15);
    assertThat(grid.first()).isEqualTo(LocalTime.of(9, 0));
    assertThat(grid.rows()).isEqualTo(11 * 4); // 09:00-20:00
    assertThat(grid.times().getFirst()).isEqualTo(LocalTime.of(9, 0));
    assertThat(grid.times().getLast()).isEqualTo(LocalTime.of(19, 45));
  }

  @Test
  void aDayWithoutHoursShowsEightToEight() {
    var grid = GridLayout.spanning(List.of(), 30);
    assertThat(grid.first()).isEqualTo(LocalTime.of(8, 0));
    assertThat(grid.rows()).isEqualTo(24);
  }

  @Test
  void hoursUntilMidnightEndTheGridAtMidnight() {
    var grid = GridLayout.spanning(List.<LocalTime[]>of(range("18:00", "23:59")), 15);
    assertThat(grid.rows()).isEqualTo(24);
  }

  @Test
  void anAppointmentStartsOnItsRowAndSpansItsDuration() {
    var grid = new GridLayout(LocalTime.of(8, 0), 15, 48);
    assertThat(grid.row(LocalTime.of(8, 0))).isEqualTo(1);
    assertThat(grid.row(LocalTime.of(10, 30))).isEqualTo(11);
    assertThat(grid.span(LocalTime.of(10, 30), LocalTime.of(10, 45))).isEqualTo(1);
    assertThat(grid.span(LocalTime.of(10, 30), LocalTime.of(11, 10))).isEqualTo(3); // 40 min
    // off the grid's step: starts on the row it falls in, covers every row it touches
    assertThat(grid.row(LocalTime.of(10, 40))).isEqualTo(11);
  }

  @Test
  void whatLiesOutsideTheGridIsClampedToIt() {
    var grid = new GridLayout(LocalTime.of(8, 0), 15, 48);
    assertThat(grid.row(LocalTime.of(7, 0))).isEqualTo(1);
    assertThat(grid.row(LocalTime.of(21, 0))).isEqualTo(48);
    assertThat(grid.span(LocalTime.of(19, 30), LocalTime.of(21, 0))).isEqualTo(2);
    assertThat(grid.span(LocalTime.of(7, 0), LocalTime.of(8, 30))).isEqualTo(2);
  }

  @Test
  void itemsThatDoNotOverlapTakeTheWholeColumn() {
    var lanes = GridLayout.lanes(List.of(new int[] {1, 2}, new int[] {2, 4}, new int[] {4, 5}));
    assertThat(lanes).containsOnly(new GridLayout.Lane(1, 12));
  }

  @Test
  void patientsSharingASlotsSeatsStandSideBySide() {
    // two patients in a four-seat slot at row 5, and the free seat offered beside them
    var lanes =
        GridLayout.lanes(
            List.of(new int[] {5, 7}, new int[] {5, 7}, new int[] {5, 6}, new int[] {9, 10}));
    assertThat(lanes)
        .containsExactly(
            new GridLayout.Lane(1, 4),
            new GridLayout.Lane(5, 4),
            new GridLayout.Lane(9, 4),
            new GridLayout.Lane(1, 12));
  }

  @Test
  void aLaneFreedEarlierIsReusedWithinAChainOfOverlaps() {
    // a long block, a short one beside it, then another beside the long one after the short ends
    var lanes = GridLayout.lanes(List.of(new int[] {1, 5}, new int[] {1, 2}, new int[] {3, 4}));
    assertThat(lanes)
        .containsExactly(
            new GridLayout.Lane(1, 6), new GridLayout.Lane(7, 6), new GridLayout.Lane(7, 6));
  }

  @Test
  void threeOverlappingShareTheColumnInThirds() {
    var lanes = GridLayout.lanes(List.of(new int[] {2, 3}, new int[] {2, 3}, new int[] {2, 3}));
    assertThat(lanes)
        .containsExactly(
            new GridLayout.Lane(1, 4), new GridLayout.Lane(5, 4), new GridLayout.Lane(9, 4));
  }
}
