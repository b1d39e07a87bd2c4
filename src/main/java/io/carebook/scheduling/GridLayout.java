package io.carebook.scheduling;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where things sit on the calendar's time grid: rows of {@code step} minutes from {@code first},
 * and, inside a doctor's column, side-by-side lanes for what overlaps (patients sharing a slot's
 * seats, a canceled appointment beside the time it freed). Rows and lanes are CSS grid lines
 * (1-based); a column is {@link #LANES} narrow grid columns wide, so that 1, 2, 3, 4, 6 or 12
 * overlapping items share it evenly.
 */
record GridLayout(LocalTime first, int step, int rows) {

  /** Narrow grid columns per doctor's column. */
  static final int LANES = 12;

  GridLayout {
    if (step < 1 || rows < 1) {
      throw new IllegalArgumentException("a grid needs a step and a row");
    }
  }

  /**
   * The rows from the earliest start to the latest end, each widened to whole hours; 08:00-20:00
   * when nobody works that day.
   */
  static GridLayout spanning(List<LocalTime[]> ranges, int step) {
    var from =
        ranges.stream().map(r -> r[0]).min(Comparator.naturalOrder()).orElse(LocalTime.of(8, 0));
    var to =
        ranges.stream().map(r -> r[1]).max(Comparator.naturalOrder()).orElse(LocalTime.of(20, 0));
    var start = from.getHour() * 60;
    var endMinute = to.getHour() * 60 + to.getMinute();
    var end = Math.min(24 * 60, (endMinute + 59) / 60 * 60);
    if (end <= start) {
      end = Math.min(24 * 60, start + 60);
    }
    return new GridLayout(LocalTime.of(from.getHour(), 0), step, Math.max(1, (end - start) / step));
  }

  /** The grid line a time starts on, clamped to the grid. */
  int row(LocalTime time) {
    var offset = minutes(time) - minutes(first);
    return Math.clamp(offset / step + 1, 1, rows);
  }

  /** How many rows from {@code starts} to {@code ends} cover, at least one, never past the grid. */
  int span(LocalTime starts, LocalTime ends) {
    var from = Math.max(minutes(starts), minutes(first));
    var to = ends.equals(LocalTime.MIDNIGHT) || ends.isBefore(starts) ? 24 * 60 : minutes(ends);
    var rowsCovered = Math.max(1, (to - from + step - 1) / step);
    return Math.min(rowsCovered, rows - row(starts) + 1);
  }

  /** The local time of each row, top to bottom. */
  List<LocalTime> times() {
    var times = new ArrayList<LocalTime>();
    for (int i = 0; i < rows; i++) {
      times.add(first.plusMinutes((long) i * step));
    }
    return times;
  }

  /** Where one item goes across its doctor's column: its first narrow column and how many. */
  record Lane(int column, int span) {}

  /**
   * Side-by-side lanes for items given as [start, end) rows, in their order: items overlapping each
   * other (directly or through another) share the column's width; the others take it all.
   */
  static List<Lane> lanes(List<int[]> items) {
    var order = new ArrayList<Integer>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> items.get(i)[0]));
    var lane = new int[items.size()];
    var lanes = new Lane[items.size()];
    var cluster = new ArrayList<Integer>();
    var laneEnds = new ArrayList<Integer>();
    var clusterEnd = Integer.MIN_VALUE;
    for (var i : order) {
      var item = items.get(i);
      if (item[0] >= clusterEnd && !cluster.isEmpty()) {
        close(cluster, laneEnds.size(), lane, lanes);
        cluster.clear();
        laneEnds.clear();
      }
      var free = 0;
      while (free < laneEnds.size() && laneEnds.get(free) > item[0]) {
        free++;
      }
      if (free == laneEnds.size()) {
        laneEnds.add(item[1]);
      } else {
        laneEnds.set(free, item[1]);
      }
      lane[i] = free;
      cluster.add(i);
      clusterEnd = cluster.size() == 1 ? item[1] : Math.max(clusterEnd, item[1]);
    }
    close(cluster, laneEnds.size(), lane, lanes);
    return List.of(lanes);
  }

  private static void close(List<Integer> cluster, int count, int[] lane, Lane[] lanes) {
    var shared = Math.min(Math.max(count, 1), LANES);
    for (var i : cluster) {
      var at = Math.min(lane[i], shared - 1);
      var from = at * LANES / shared;
      var to = (at + 1) * LANES / shared;
      lanes[i] = new Lane(from + 1, to - from);
    }
  }

  private static int minutes(LocalTime time) {
    return time.getHour() * 60 + time.getMinute();
  }
}
