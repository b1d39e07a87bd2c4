package io.carebook.bench;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.patients.NewPatient;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.SlotTakenException;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Scheduling at scale (see BENCHMARKS.md; run with {@code bench/scheduling.sh [organizations]
 * [doctors per organization] [appointments per doctor]}). Bulk-loads organizations, doctors working
 * six days a week and their past and future appointments, then measures, in one run: 7-day
 * availability for one doctor at 16 concurrent clients; sustained bookings at 64 clients, checked
 * for double booking afterwards; and the same database's rate for plain insert transactions: two
 * rows (a booking's two main rows), and the very rows a booking writes (patient, busy time,
 * appointment, their audit rows, the event publication) into plain tables without constraints or
 * triggers.
 */
@Tag("bench")
@CarebookTest
class SchedulingBenchmark {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired Scheduling calendar;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;

  @Test
  void availabilityAndBookingUnderLoad() throws Exception {
    var organizations = Integer.getInteger("bench.organizations", 20);
    var doctorsEach = Integer.getInteger("bench.doctors", 5);
    var appointmentsEach = Integer.getInteger("bench.appointments", 200);
    var migrator = OwnerDatabase.jdbc(environment);
    var started = System.nanoTime();
    // one connection for the whole load: a new one per statement cost half a second per
    // organization, more than its rows
    var owner =
        (org.springframework.jdbc.datasource.DriverManagerDataSource)
            OwnerDatabase.dataSource(environment);
    var loadConnection =
        new org.springframework.jdbc.datasource.SingleConnectionDataSource(
            owner.getUrl(), owner.getUsername(), owner.getPassword(), true);
    List<BenchData.Doctor> loaded;
    try {
      loaded =
          BenchData.load(
              org.springframework.jdbc.core.simple.JdbcClient.create(loadConnection),
              organizations,
              doctorsEach,
              appointmentsEach);
    } finally {
      loadConnection.destroy();
    }
    var loadSeconds = (System.nanoTime() - started) / 1e9;

    var target = loaded.getFirst();
    // warm-up, not measured: a server answers availability for hours, so its code is compiled
    // (on two cores the JIT needs seconds after start-up, not a few hundred calls)
    var warmUntil =
        System.nanoTime() + Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 8)).toNanos();
    while (System.nanoTime() < warmUntil) {
      availability(target, 16, 160);
    }
    var availabilityProfile = BenchProfile.start("availability", environment);
    var availability =
        availability(target, 16, Integer.getInteger("bench.availabilityCalls", 3200));
    var cpuPerAvailability = availabilityProfile.stop((long) availability[2]);
    // the booking path warmed up too, both kinds, not measured: a server books all day
    var warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 8));
    bookings(loaded, 64, warmUp.dividedBy(2), true);
    bookings(loaded, 64, warmUp.dividedBy(2), false);
    var profile = BenchProfile.start("bookings-new", environment);
    var bookings = bookings(loaded, 64, Duration.ofSeconds(10), true);
    var cpuPerBooking = profile.stop((long) bookings[1]);
    var returning = bookings(loaded, 64, Duration.ofSeconds(10), false);
    var doubleBooked =
        migrator
            .sql(
                """
            select count(*) from practitioner_busy a join practitioner_busy b
              on a.user_id = b.user_id and a.id < b.id and a.period && b.period
             and (a.clinic_id <> b.clinic_id or a.seat = b.seat)""")
            .query(Long.class)
            .single();
    var plainTransactions = new PlainTransactions(environment, dataSource);
    var plain = plainTransactions.twoRows(64, Duration.ofSeconds(10));
    var plainProfile = BenchProfile.start("plain-same-rows-new", environment);
    var sameRowsNew = plainTransactions.sameRows(64, Duration.ofSeconds(10), true);
    var cpuPerPlain = plainProfile.stop(Math.round(sameRowsNew * 10));
    var sameRowsKnown = plainTransactions.sameRows(64, Duration.ofSeconds(10), false);
    var counts =
        migrator
            .sql("select (select count(*) from appointments), (select count(*) from users)")
            .query((rs, n) -> rs.getLong(1) + " appointments, " + rs.getLong(2) + " users")
            .single();

    var report =
        String.format(
            """
        scheduling: %d organizations x %d doctors x %d appointments (%s), loaded in %.0f s
        7-day availability, 16 clients: p50 %.2f ms, p99 %.2f ms (%d calls, in-process: service + database)
        bookings of new patients, 64 clients, 10 s: %.0f bookings/s (%d booked, %d refused as taken)
        bookings of known patients, 64 clients, 10 s: %.0f bookings/s (%d booked, %d refused as taken)
        double bookings found: %d
        plain two-row insert transactions, 64 clients, 10 s: %.0f/s
        ratio bookings / plain two-row inserts: %.3f (new patients), %.3f (known patients)
        plain transactions writing a booking's rows, 64 clients, 10 s: %.0f/s (8 rows: with a new patient), %.0f/s (5 rows: known patient)
        ratio bookings / plain same-rows transactions: %.2f (new patients), %.2f (known patients)
        CPU per availability call: JVM %.2f ms + PostgreSQL %.2f ms
        CPU per booking of a new patient: JVM %.2f ms + PostgreSQL %.2f ms (everything it causes: listeners, audit chaining)
        CPU per plain same-rows transaction (8 rows): JVM %.2f ms + PostgreSQL %.2f ms
        """,
            organizations,
            doctorsEach,
            appointmentsEach,
            counts,
            loadSeconds,
            availability[0],
            availability[1],
            (long) availability[2],
            bookings[0],
            (long) bookings[1],
            (long) bookings[2],
            returning[0],
            (long) returning[1],
            (long) returning[2],
            doubleBooked,
            plain,
            bookings[0] / plain,
            returning[0] / plain,
            sameRowsNew,
            sameRowsKnown,
            bookings[0] / sameRowsNew,
            returning[0] / sameRowsKnown,
            cpuPerAvailability[0],
            cpuPerAvailability[1],
            cpuPerBooking[0],
            cpuPerBooking[1],
            cpuPerPlain[0],
            cpuPerPlain[1]);
    System.out.println(report);
    var out = Path.of("target/bench/scheduling.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    if (doubleBooked > 0) {
      throw new AssertionError("double bookings found: " + doubleBooked);
    }
  }

  /**
   * p50, p99 (ms) and count of 7-day availability calls for one doctor, {@code clients} at once.
   */
  private double[] availability(BenchData.Doctor doctor, int clients, int calls) throws Exception {
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
  private double[] bookings(
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
