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
import java.util.UUID;
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
    var plain = plainInserts(64, Duration.ofSeconds(10));
    var plainProfile = BenchProfile.start("plain-same-rows-new", environment);
    var sameRowsNew = sameRowsInserts(64, Duration.ofSeconds(10), true);
    var cpuPerPlain = plainProfile.stop(Math.round(sameRowsNew * 10));
    var sameRowsKnown = sameRowsInserts(64, Duration.ofSeconds(10), false);
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
        plain transactions writing a booking's rows, 64 clients, 10 s: %.0f/s (7 rows: with a new patient), %.0f/s (5 rows: known patient)
        ratio bookings / plain same-rows transactions: %.2f (new patients), %.2f (known patients)
        CPU per availability call: JVM %.2f ms + PostgreSQL %.2f ms
        CPU per booking of a new patient: JVM %.2f ms + PostgreSQL %.2f ms (everything it causes: listeners, audit chaining)
        CPU per plain same-rows transaction (7 rows): JVM %.2f ms + PostgreSQL %.2f ms
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

  /**
   * Transactions per second of two plain inserts, like a booking's two main rows, without rules.
   */
  private double plainInserts(int clients, Duration duration) throws Exception {
    var migrator = OwnerDatabase.jdbc(environment);
    migrator
        .sql(
            "create table if not exists bench_plain (id uuid primary key, owner uuid, starts timestamptz, ends timestamptz, note text)")
        .update();
    grant(migrator, "bench_plain");
    var rate =
        transactions(
            clients,
            duration,
            connection -> {
              try (var insert =
                  connection.prepareStatement(
                      "insert into bench_plain values (?, ?, now(), now() + interval '15 minutes', 'x')")) {
                for (int row = 0; row < 2; row++) {
                  insert.setObject(1, UUID.randomUUID());
                  insert.setObject(2, UUID.randomUUID());
                  insert.executeUpdate();
                }
              }
            });
    migrator.sql("drop table bench_plain").update();
    return rate;
  }

  /**
   * Transactions per second that write the rows a booking writes — the patient when the booking
   * registers one, the busy time, the appointment, an audit row for each of them and the event
   * publication — into plain copies of those tables (their columns, defaults and indexes; no
   * exclusion constraints, foreign keys, row-level security or triggers), with no rules read first:
   * what the booking's safety costs is the difference.
   */
  private double sameRowsInserts(int clients, Duration duration, boolean withPatient)
      throws Exception {
    var migrator = OwnerDatabase.jdbc(environment);
    for (var table : List.of("patients", "practitioner_busy", "appointments", "audit_log")) {
      migrator
          .sql(
              "create table if not exists bench_"
                  + table
                  + " (like "
                  + table
                  + " including defaults including identity including indexes)")
          .update();
      grant(migrator, "bench_" + table);
    }
    for (var exclusion :
        migrator
            .sql(
                "select conname from pg_constraint where conrelid = 'bench_practitioner_busy'::regclass and contype = 'x'")
            .query(String.class)
            .list()) {
      migrator.sql("alter table bench_practitioner_busy drop constraint " + exclusion).update();
    }
    migrator
        .sql(
            "create table if not exists bench_event_publication (like event_publication including defaults including indexes)")
        .update();
    grant(migrator, "bench_event_publication");
    var rate =
        transactions(clients, duration, connection -> writeBookingRows(connection, withPatient));
    for (var table :
        List.of(
            "patients", "practitioner_busy", "appointments", "audit_log", "event_publication")) {
      migrator.sql("drop table bench_" + table).update();
    }
    return rate;
  }

  private static final String AUDIT_CHANGES =
      "{\"id\": {\"to\": \"6d3f0c1e-4b8a-4f7e-9c39-2a1f5e7b9d10\"}, \"seat\": {\"to\": 1},"
          + " \"status\": {\"to\": \"BOOKED\"}, \"source\": {\"to\": \"STAFF\"},"
          + " \"clinic_id\": {\"to\": \"0b7c9a52-93e1-4c1e-8f0a-5a8e3c7d2b61\"},"
          + " \"starts_at\": {\"to\": \"2026-12-01T09:00:00+00:00\"},"
          + " \"ends_at\": {\"to\": \"2026-12-01T09:15:00+00:00\"}}";

  /** One booking's rows, one statement each, as a booking sends them. */
  private static void writeBookingRows(java.sql.Connection connection, boolean withPatient)
      throws java.sql.SQLException {
    var tenant = UUID.randomUUID();
    var patient = UUID.randomUUID();
    var busy = UUID.randomUUID();
    var appointment = UUID.randomUUID();
    if (withPatient) {
      try (var insert =
          connection.prepareStatement(
              "insert into bench_patients (tenant_id, id, full_name, name_normalized, registered_at,"
                  + " mrn) values (?, ?, 'Bench Patient', 'bench patient', ?, ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, patient);
        insert.setObject(3, tenant);
        insert.setLong(4, ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        insert.executeUpdate();
      }
      audit(connection, tenant, "patients", patient);
    }
    try (var insert =
        connection.prepareStatement(
            "insert into bench_practitioner_busy (id, user_id, clinic_id, period, seat, kind)"
                + " values (?, ?, ?, tstzrange(now(), now() + interval '15 minutes'), 1,"
                + " 'APPOINTMENT')")) {
      insert.setObject(1, busy);
      insert.setObject(2, tenant);
      insert.setObject(3, tenant);
      insert.executeUpdate();
    }
    audit(connection, tenant, "practitioner_busy", busy);
    try (var insert =
        connection.prepareStatement(
            "insert into bench_appointments (tenant_id, id, clinic_id, doctor_id, patient_id,"
                + " service_type, starts_at, ends_at, status, busy_id, seat, source) values (?, ?,"
                + " ?, ?, ?, '', now(), now() + interval '15 minutes', 'BOOKED', ?, 1, 'STAFF')")) {
      insert.setObject(1, tenant);
      insert.setObject(2, appointment);
      insert.setObject(3, tenant);
      insert.setObject(4, tenant);
      insert.setObject(5, patient);
      insert.setObject(6, busy);
      insert.executeUpdate();
    }
    audit(connection, tenant, "appointments", appointment);
    try (var insert =
        connection.prepareStatement(
            "insert into bench_event_publication (id, listener_id, event_type, serialized_event,"
                + " publication_date, status, completion_attempts) values (?,"
                + " 'io.carebook.notifications.PatientMessages.on(AppointmentBooked)',"
                + " 'io.carebook.scheduling.AppointmentEvents$AppointmentBooked', ?, now(),"
                + " 'PUBLISHED', 0)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(
          2, "{\"tenantId\":\"" + tenant + "\",\"appointmentId\":\"" + appointment + "\"}");
      insert.executeUpdate();
    }
  }

  private static void audit(java.sql.Connection connection, UUID tenant, String table, UUID id)
      throws java.sql.SQLException {
    try (var insert =
        connection.prepareStatement(
            "insert into bench_audit_log (tenant_id, clinic_id, actor_type, kind, action,"
                + " entity_type, entity_id, changes) values (?, ?, 'SYSTEM', 'WRITE', 'INSERT', ?,"
                + " ?, ?::jsonb)")) {
      insert.setObject(1, tenant);
      insert.setObject(2, tenant);
      insert.setString(3, table);
      insert.setString(4, id.toString());
      insert.setString(5, AUDIT_CHANGES);
      insert.executeUpdate();
    }
  }

  private void grant(org.springframework.jdbc.core.simple.JdbcClient migrator, String table) {
    migrator
        .sql(
            "grant select, insert on "
                + table
                + " to "
                + environment.getProperty("spring.datasource.username"))
        .update();
  }

  /** What one transaction writes on its connection. */
  private interface Transaction {
    void run(java.sql.Connection connection) throws java.sql.SQLException;
  }

  /**
   * Transactions per second from {@code clients} at once, each client on a connection of its own
   * for the whole run (so the pool's size caps how many run at once, as it does for bookings).
   */
  private double transactions(int clients, Duration duration, Transaction work) throws Exception {
    var done = new AtomicInteger();
    var until = System.nanoTime() + duration.toNanos();
    var t0 = System.nanoTime();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<java.util.concurrent.Future<?>>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            threads.submit(
                () -> {
                  try (var connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    while (System.nanoTime() < until) {
                      work.run(connection);
                      connection.commit();
                      done.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    return done.get() / ((System.nanoTime() - t0) / 1e9);
  }

  private static <T> T inClinic(BenchData.Doctor doctor, java.util.function.Supplier<T> work) {
    return TenantContext.call(
        new TenantContext.Scope(doctor.tenant(), doctor.clinic(), null, ActorType.SYSTEM),
        work::get);
  }
}
