package io.carebook.bench;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.scheduling.Scheduling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    var loaded =
        BenchData.overOneConnection(
            environment, db -> BenchData.load(db, organizations, doctorsEach, appointmentsEach));
    var loadSeconds = (System.nanoTime() - started) / 1e9;

    var load = new InProcessLoad(calendar);
    var target = loaded.getFirst();
    // warm-up, not measured: a server answers availability for hours, so its code is compiled
    // (on two cores the JIT needs seconds after start-up, not a few hundred calls)
    var warmUntil =
        System.nanoTime() + Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 8)).toNanos();
    while (System.nanoTime() < warmUntil) {
      load.availability(target, 16, 160);
    }
    var availabilityProfile = BenchProfile.start("availability", environment);
    var availability =
        load.availability(target, 16, Integer.getInteger("bench.availabilityCalls", 3200));
    var cpuPerAvailability = availabilityProfile.stop((long) availability[2]);
    // the booking path warmed up too, both kinds, not measured: a server books all day
    var warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 8));
    load.bookings(loaded, 64, warmUp.dividedBy(2), true);
    load.bookings(loaded, 64, warmUp.dividedBy(2), false);
    var profile = BenchProfile.start("bookings-new", environment);
    var bookings = load.bookings(loaded, 64, Duration.ofSeconds(10), true);
    var cpuPerBooking = profile.stop((long) bookings[1]);
    var returning = load.bookings(loaded, 64, Duration.ofSeconds(10), false);
    var doubleBooked = BenchData.doubleBookings(migrator);
    var plainTransactions = new PlainTransactions(environment, dataSource);
    var plain = plainTransactions.twoRows(64, Duration.ofSeconds(10));
    var plainProfile = BenchProfile.start("plain-same-rows-new", environment);
    var sameRowsNew = plainTransactions.sameRows(64, Duration.ofSeconds(10), true);
    var cpuPerPlain = plainProfile.stop(Math.round(sameRowsNew * 10));
    var sameRowsKnown = plainTransactions.sameRows(64, Duration.ofSeconds(10), false);
    var counts = BenchData.counts(migrator);

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
}
