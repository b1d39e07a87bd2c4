package io.carebook.bench;

import io.carebook.OwnerDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * The database's rate for plain insert transactions, the yardstick bookings are compared with: two
 * small rows (a booking's two main rows), and the very rows a booking writes (patient, busy time,
 * appointment, their audit rows, the event publication) into plain copies of their tables without
 * constraints or triggers. Each client holds a connection of the application's pool.
 */
final class PlainTransactions {

  private final Environment environment;
  private final DataSource dataSource;

  PlainTransactions(Environment environment, DataSource dataSource) {
    this.environment = environment;
    this.dataSource = dataSource;
  }

  /**
   * Transactions per second of two plain inserts, like a booking's two main rows, without rules.
   */
  double twoRows(int clients, Duration duration) throws Exception {
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
  double sameRows(int clients, Duration duration, boolean withPatient) throws Exception {
    var migrator = OwnerDatabase.jdbc(environment);
    for (var table :
        List.of(
            "patients",
            "patient_record_numbers",
            "practitioner_busy",
            "appointments",
            "audit_log")) {
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
            "patients",
            "patient_record_numbers",
            "practitioner_busy",
            "appointments",
            "audit_log",
            "event_publication")) {
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
              "insert into bench_patients (tenant_id, id, full_name, name_normalized,"
                  + " registered_at) values (?, ?, 'Bench Patient', 'bench patient', ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, patient);
        insert.setObject(3, tenant);
        insert.executeUpdate();
      }
      // its record number, a row of its own (V1290)
      try (var insert =
          connection.prepareStatement(
              "insert into bench_patient_record_numbers (tenant_id, patient_id, mrn)"
                  + " values (?, ?, ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, patient);
        insert.setLong(3, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
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
}
