package io.carebook.bench;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Bulk-loads invented organizations for benchmarks, as the migration role: one clinic each in
 * Cairo, doctors working 09:00–17:00 Monday to Saturday, and appointments spread over the 30 days
 * before and the 60 after today, with their busy time. The audit trigger is off while loading: this
 * is generated data, not anybody's writes.
 */
final class BenchData {

  private static final List<String> TABLES =
      List.of(
          "tenants",
          "clinics",
          "clinic_slugs",
          "users",
          "memberships",
          "weekly_hours",
          "booking_rules",
          "patients",
          "appointments",
          "practitioner_busy");

  private BenchData() {}

  record Doctor(TenantId tenant, ClinicId clinic, UserId user, UUID patient) {}

  static List<Doctor> load(
      JdbcClient migrator, int organizations, int doctorsEach, int appointmentsEach) {
    TABLES.forEach(
        t -> migrator.sql("alter table " + t + " disable trigger audit_row_change").update());
    try {
      var doctors = new ArrayList<Doctor>();
      var started = System.nanoTime();
      var step = Math.max(1, organizations / 20); // about every 5 %
      for (int o = 0; o < organizations; o++) {
        doctors.addAll(organization(migrator, doctorsEach, appointmentsEach));
        if ((o + 1) % step == 0 || o + 1 == organizations) {
          progress(o + 1, organizations, (long) doctorsEach * appointmentsEach, started);
        }
      }
      return doctors;
    } finally {
      TABLES.forEach(
          t -> migrator.sql("alter table " + t + " enable trigger audit_row_change").update());
      // measure a settled database, as autovacuum would leave it: planner statistics for the
      // bulk-loaded rows, and no vacuum of millions of rows competing with the measurements
      TABLES.forEach(t -> migrator.sql("vacuum analyze " + t).update());
      System.out.println("Loading: vacuumed and analyzed");
    }
  }

  /**
   * The doctors of organizations loaded earlier into a kept database ({@code
   * -Dbench.dataDirectory}), in a stable order; empty when there are none.
   */
  static List<Doctor> loaded(JdbcClient migrator) {
    return migrator
        .sql(
            """
            select m.tenant_id, m.clinic_id, m.user_id,
                   (select p.id from patients p
                    where p.tenant_id = m.tenant_id and p.full_name = 'Bench Patient'
                    order by p.created_at, p.id limit 1) as patient
            from memberships m join tenants t on t.id = m.tenant_id
            where t.name = 'Bench Clinics' and 'DOCTOR' = any(m.roles)
            order by m.tenant_id, m.user_id""")
        .query(
            (rs, n) ->
                new Doctor(
                    new TenantId(rs.getObject(1, UUID.class)),
                    new ClinicId(rs.getObject(2, UUID.class)),
                    new UserId(rs.getObject(3, UUID.class)),
                    rs.getObject(4, UUID.class)))
        .list();
  }

  /**
   * {@code work} as the migration role over one connection, closed after it: loading over the
   * role's data source opened a connection per statement, half a second per organization, more than
   * its rows.
   */
  static <T> T overOneConnection(Environment environment, Function<JdbcClient, T> work) {
    var owner = (DriverManagerDataSource) io.carebook.OwnerDatabase.dataSource(environment);
    var connection =
        new SingleConnectionDataSource(
            owner.getUrl(), owner.getUsername(), owner.getPassword(), true);
    try {
      return work.apply(JdbcClient.create(connection));
    } finally {
      connection.destroy();
    }
  }

  /**
   * Pairs of busy times of one doctor that overlap where the constraints forbid it (at another
   * clinic, or the same seat): zero, or a double booking.
   */
  static long doubleBookings(JdbcClient migrator) {
    return migrator
        .sql(
            """
            select count(*) from practitioner_busy a join practitioner_busy b
              on a.user_id = b.user_id and a.id < b.id and a.period && b.period
             and (a.clinic_id <> b.clinic_id or a.seat = b.seat)""")
        .query(Long.class)
        .single();
  }

  /** "N appointments, M users": the size a report names. */
  static String counts(JdbcClient migrator) {
    return migrator
        .sql("select (select count(*) from appointments), (select count(*) from users)")
        .query((rs, n) -> rs.getLong(1) + " appointments, " + rs.getLong(2) + " users")
        .single();
  }

  /** A line on the console: how far the load is, and how long the rest should take. */
  private static void progress(int done, int of, long appointmentsEach, long started) {
    var elapsed = (System.nanoTime() - started) / 1e9;
    var left = elapsed / done * (of - done);
    System.out.printf(
        "Loading: %d of %d organizations (%,d appointments), %.0f s so far, about %.0f s left%n",
        done, of, done * appointmentsEach, elapsed, left);
  }

  private static List<Doctor> organization(JdbcClient db, int doctorsEach, int appointmentsEach) {
    var tenant = UUID.randomUUID();
    var clinic = UUID.randomUUID();
    var patient = UUID.randomUUID();
    db.sql("insert into tenants (id, name) values (?, 'Bench Clinics')").param(tenant).update();
    db.sql(
            """
        insert into clinics (tenant_id, id, name, slug, timezone, locale, currency, country,
                             subscription_status, trial_ends_at, plan)
        values (?, ?, 'Bench Clinic', ?, 'Africa/Cairo', 'en', 'EGP', 'EG', 'ACTIVE', null, 'PRO')""")
        .params(tenant, clinic, "bench-" + clinic)
        .update();
    db.sql(
            """
        insert into booking_rules (tenant_id, clinic_id, duration_minutes, min_notice_minutes,
                                   horizon_days, alignment_minutes)
        values (?, ?, 15, 0, 60, 15)""")
        .params(tenant, clinic)
        .update();
    db.sql(
            """
        insert into patients (tenant_id, id, full_name, name_normalized)
        values (?, ?, 'Bench Patient', 'bench patient')""")
        .params(tenant, patient)
        .update();
    var doctors = new ArrayList<Doctor>();
    for (int d = 0; d < doctorsEach; d++) {
      var user = UUID.randomUUID();
      db.sql(
              "insert into users (id, email, display_name, password_hash, email_confirmed_at) values (?, ?, 'Bench Doctor', 'x', now())")
          .params(user, "bench-" + user + "@example.test")
          .update();
      db.sql(
              "insert into memberships (tenant_id, clinic_id, user_id, roles) values (?, ?, ?, array['DOCTOR'])")
          .params(tenant, clinic, user)
          .update();
      db.sql(
              """
          insert into weekly_hours (tenant_id, id, clinic_id, doctor_id, weekday, starts, ends)
          select ?, gen_random_uuid(), ?, ?, day, '09:00', '17:00' from generate_series(1, 6) day""")
          .params(tenant, clinic, user)
          .update();
      db.sql(
              """
          with slots as (
            select gen_random_uuid() as busy, gen_random_uuid() as appointment,
                   ((date_trunc('day', now() at time zone 'Africa/Cairo')
                     + ((k % 90) - 30) * interval '1 day' + interval '9 hours'
                     + ((k / 90) % 16) * interval '30 minutes') at time zone 'Africa/Cairo') as starts
            from generate_series(0, ? - 1) k
          ), held as (
            insert into practitioner_busy (id, user_id, clinic_id, period, seat, kind)
            select busy, ?, ?, tstzrange(starts, starts + interval '15 minutes'), 1, 'APPOINTMENT'
            from slots on conflict do nothing returning id
          )
          insert into appointments (tenant_id, id, clinic_id, doctor_id, patient_id, starts_at, ends_at,
                                    status, busy_id, seat, source)
          select ?, appointment, ?, ?, ?, starts, starts + interval '15 minutes',
                 case when starts < now() then 'FULFILLED' else 'BOOKED' end, busy, 1, 'STAFF'
          from slots where busy in (select id from held)""")
          .params(appointmentsEach, user, clinic, tenant, clinic, user, patient)
          .update();
      doctors.add(
          new Doctor(new TenantId(tenant), new ClinicId(clinic), new UserId(user), patient));
    }
    return doctors;
  }
}
