package io.carebook.bench;

import io.carebook.patients.NewPatient;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.SlotTakenException;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.TenantContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on the scheduling service itself, in-process (what a server spends without HTTP): 7-day
 * availability of one doctor from many clients at once, and bookings at random free times by many
 * clients, each through every rule, the exclusion constraints, patient registration and the audit
 * triggers. Used by {@link SchedulingBenchmark} and {@link ReferenceBenchmark}.
 */
final class InProcessLoad {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  private final Scheduling calendar;

  InProcessLoad(Scheduling calendar) {
    this.calendar = calendar;
  }

  /**
   * p50, p99 (ms) and count of 7-day availability calls for one doctor, {@code clients} at once.
   */
  double[] availability(BenchData.Doctor doctor, int clients, int calls) throws Exception {
    var latencies = new ConcurrentLinkedQueue<Long>();
    var today = LocalDate.now(CAIRO);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var done = new ArrayList<java.util.concurrent.Future<?>>();
      for (int c = 0; c < clients; c++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < calls / clients; i++) {
                    var t0 = System.nanoTime();
                    inClinic(
                        doctor,
                        () -> calendar.availability(doctor.user(), "", today, today.plusDays(6)));
                    latencies.add(System.nanoTime() - t0);
                  }
                  return null;
                }));
      }
      for (var f : done) {
        f.get();
      }
    }
    var sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new double[] {
      sorted.get(sorted.size() / 2) / 1e6,
      sorted.get((int) (sorted.size() * 0.99)) / 1e6,
      sorted.size()
    };
  }

  /**
   * bookings per second, booked, refused: {@code clients} booking random free times at once, each
   * for a patient registered by the booking ({@code newPatients}) or for one already on file.
   */
  double[] bookings(
      List<BenchData.Doctor> doctors, int clients, Duration duration, boolean newPatients)
      throws Exception {
    var booked = new AtomicInteger();
    var refused = new AtomicInteger();
    var until = System.nanoTime() + duration.toNanos();
    var t0 = System.nanoTime();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var done = new ArrayList<java.util.concurrent.Future<?>>();
      for (int c = 0; c < clients; c++) {
        done.add(
            threads.submit(
                () -> {
                  var random = ThreadLocalRandom.current();
                  while (System.nanoTime() < until) {
                    var doctor = doctors.get(random.nextInt(doctors.size()));
                    var day = LocalDate.now(CAIRO).plusDays(8 + random.nextInt(40));
                    var start =
                        day.atTime(9 + random.nextInt(8), 15 * random.nextInt(4))
                            .atZone(CAIRO)
                            .toInstant();
                    try {
                      inClinic(
                          doctor,
                          () ->
                              calendar.book(
                                  new NewAppointment(
                                      doctor.user(),
                                      start,
                                      "",
                                      newPatients ? null : doctor.patient(),
                                      newPatients
                                          ? new NewPatient(
                                              "Bench Patient " + random.nextInt(1_000_000),
                                              null,
                                              null,
                                              null)
                                          : null,
                                      "STAFF")));
                      booked.incrementAndGet();
                    } catch (SlotTakenException e) {
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (var f : done) {
        f.get();
      }
    }
    var seconds = (System.nanoTime() - t0) / 1e9;
    return new double[] {booked.get() / seconds, booked.get(), refused.get()};
  }

  private static <T> T inClinic(BenchData.Doctor doctor, java.util.function.Supplier<T> work) {
    return TenantContext.call(
        new TenantContext.Scope(doctor.tenant(), doctor.clinic(), null, ActorType.SYSTEM),
        work::get);
  }
}
