package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The keyset pages of /api/v1's lists read a page through an index, not the whole list: each list's
 * query (as its repository sends it, the values written in) is EXPLAINed as the application role
 * over thousands of rows of one organization (loaded with the audit and foreign-key triggers off,
 * then analyzed, all rolled back), and its plan must scan the list's index and sort at most the
 * rows of one instant (an incremental sort), never the whole set.
 */
@CarebookTest
class KeysetPlansTests {

  @Autowired Environment environment;

  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID CLINIC = UUID.randomUUID();
  private static final UUID PATIENT = UUID.randomUUID();
  private static final UUID DOCTOR = UUID.randomUUID();
  private static final UUID IMPORT = UUID.randomUUID();
  private static final String AFTER_AT = "now() - interval '10 days'";
  private static final String AFTER_ID = "'" + UUID.randomUUID() + "'::uuid";

  @Test
  void everyKeysetPageReadsThroughAnIndexWithoutSortingTheWholeList() throws SQLException {
    var plans = new ArrayList<String>();
    try (var connection = superuser()) {
      connection.setAutoCommit(false);
      try (var sql = connection.createStatement()) {
        load(sql);
        sql.execute("set local role " + appRole());
        sql.execute("set local app.tenant_id = '" + TENANT + "'");
        plans.add(
            served(
                sql,
                "appointments of a clinic (Appointments.matching, the API's page)",
                "select * from appointments where clinic_id = '"
                    + CLINIC
                    + "' and starts_at >= "
                    + AFTER_AT
                    + " and starts_at < now() + interval '30 days' and (starts_at, id) > ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by starts_at, id limit 51",
                "appointments_by_clinic"));
        plans.add(
            served(
                sql,
                "appointments of a doctor",
                "select * from appointments where clinic_id = '"
                    + CLINIC
                    + "' and doctor_id = '"
                    + DOCTOR
                    + "' and starts_at >= "
                    + AFTER_AT
                    + " and starts_at < now() + interval '30 days' and (starts_at, id) > ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by starts_at, id limit 51",
                "appointments_by_doctor"));
        plans.add(
            served(
                sql,
                "a patient's appointments (Appointments.matching, FHIR Appointment?patient=)",
                organizationWide("patient_id", PATIENT),
                "appointments_by_patient"));
        plans.add(
            served(
                sql,
                "a doctor's appointments at every clinic (FHIR Appointment?practitioner=)",
                organizationWide("doctor_id", DOCTOR),
                "appointments_by_doctor"));
        plans.add(
            served(
                sql,
                "a patient's history (Visits.ofPatient, a page)",
                "select * from visits where patient_id = '"
                    + PATIENT
                    + "' and (created_at, id) < ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by created_at desc, id desc limit 51",
                "visits_by_patient"));
        plans.add(
            served(
                sql,
                "a chart's documents (DocumentRows.of, a page)",
                "select * from patient_documents where patient_id = '"
                    + PATIENT
                    + "' and voided_at is null and (created_at, id) < ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by created_at desc, id desc limit 21",
                "patient_documents_by_patient"));
        plans.add(
            served(
                sql,
                "who waits (Waitlist.ofActiveClinic, a page)",
                "select * from waitlist_entries where clinic_id = '"
                    + CLINIC
                    + "' and status in ('WAITING', 'OFFERED') and (created_at, id) > ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by created_at, id limit 51",
                "waitlist_open_by_clinic"));
        plans.add(
            served(
                sql,
                "failed messages (Outbox.failed, a page)",
                "select id, updated_at from outbox_messages where status = 'FAILED' and clinic_id"
                    + " = '"
                    + CLINIC
                    + "' and (updated_at, id) < ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by updated_at desc, id desc limit 51",
                "outbox_messages_failed"));
        plans.add(
            served(
                sql,
                "an import's outcomes (ImportRows.outcomes, a page)",
                "select r.*, p.full_name from patient_import_rows r left join patients p on"
                    + " p.tenant_id = r.tenant_id and p.id = r.patient_id where r.import_id = '"
                    + IMPORT
                    + "' and r.row_number > 2500 order by r.row_number limit 51",
                "patient_import_rows_pkey"));
        plans.add(
            served(
                sql,
                "the patient search without a query (Patients.search, a page)",
                "select * from patients_numbered where voided_at is null and (created_at, id) < ("
                    + AFTER_AT
                    + ", "
                    + AFTER_ID
                    + ") order by created_at desc, id desc limit 21",
                "patients_by_created"));
      } finally {
        connection.rollback();
      }
    }
    plans.forEach(System.out::println);
  }

  /**
   * A page of the FHIR search's appointments of one patient or doctor across the organization's
   * clinics, as Appointments.matching writes it.
   */
  private static String organizationWide(String column, UUID id) {
    return "select * from appointments where "
        + column
        + " = '"
        + id
        + "' and starts_at >= "
        + AFTER_AT
        + " and (starts_at, id) > ("
        + AFTER_AT
        + ", "
        + AFTER_ID
        + ") order by starts_at, id limit 21";
  }

  /** The plan of {@code query}, which must scan {@code index} and sort no whole set. */
  private static String served(Statement sql, String list, String query, String index)
      throws SQLException {
    var lines = new ArrayList<String>();
    try (var plan = sql.executeQuery("explain " + query)) {
      while (plan.next()) {
        lines.add(plan.getString(1));
      }
    }
    var text = String.join("\n", lines);
    assertThat(text).as(list + "\n" + text).contains(" using " + index);
    assertThat(lines)
        .as(list + ": no sort of the whole list\n" + text)
        .noneMatch(line -> line.matches("\\s*(->\\s*)?Sort\\s+\\(.*")); // a Sort node
    return "-- " + list + "\n" + text;
  }

  /**
   * Thousands of rows of one organization: 6,000 appointments over 120 days among 20 doctors (every
   * 50th of one patient), 3,000 visits and 1,000 documents among 100 patients, 2,000 waiting, 2,000
   * failed messages, an import of 5,000 rows and 5,000 patients.
   */
  private static void load(Statement sql) throws SQLException {
    sql.execute("set local session_replication_role = replica"); // no audit, no foreign keys
    for (var statement :
        List.of(
            "insert into tenants (id, name) values ('" + TENANT + "', 'Plans')",
            "insert into patients (tenant_id, id, full_name, name_normalized, created_at)"
                + " select '"
                + TENANT
                + "', case when k = 0 then '"
                + PATIENT
                + "'::uuid else gen_random_uuid() end, 'Patient ' || k, 'patient ' || k,"
                + " now() - k * interval '1 hour' from generate_series(0, 4999) k",
            "insert into appointments (tenant_id, id, clinic_id, doctor_id, patient_id, starts_at,"
                + " ends_at, status, source) select '"
                + TENANT
                + "', gen_random_uuid(), '"
                + CLINIC
                + "', case when k % 20 = 0 then '"
                + DOCTOR
                + "'::uuid else gen_random_uuid() end, case when k % 50 = 0 then '"
                + PATIENT
                + "'::uuid else gen_random_uuid() end, date_trunc('hour', now()) - interval '60 days' + (k / 20) * interval '10"
                + " hours', date_trunc('hour', now()) - interval '60 days' + (k / 20) * interval"
                + " '10 hours' + interval '15 minutes', 'BOOKED', 'STAFF'"
                + " from generate_series(0, 5999) k",
            "insert into visits (tenant_id, id, clinic_id, patient_id, token, token_day,"
                + " created_at) select '"
                + TENANT
                + "', gen_random_uuid(), '"
                + CLINIC
                + "', case when k % 100 = 0 then '"
                + PATIENT
                + "'::uuid else gen_random_uuid() end, 1, current_date - k,"
                + " now() - k * interval '1 hour' from generate_series(0, 2999) k",
            "insert into patient_documents (tenant_id, id, patient_id, file_name, content_type,"
                + " size_bytes, sha256, storage_key, created_at) select '"
                + TENANT
                + "', gen_random_uuid(), case when k % 100 = 0 then '"
                + PATIENT
                + "'::uuid else gen_random_uuid() end, 'scan.pdf', 'application/pdf', 10,"
                + " '\\x00', 'key-' || k, now() - k * interval '1 hour'"
                + " from generate_series(0, 999) k",
            "insert into waitlist_entries (tenant_id, id, clinic_id, doctor_id, patient_id,"
                + " window_from, window_to, status, created_at) select '"
                + TENANT
                + "', gen_random_uuid(), case when k % 2 = 0 then '"
                + CLINIC
                + "'::uuid else gen_random_uuid() end, '"
                + DOCTOR
                + "', gen_random_uuid(), now(), now() + interval '1 day',"
                + " case when k % 3 = 0 then 'EXPIRED' else 'WAITING' end,"
                + " now() - k * interval '10 minutes' from generate_series(0, 1999) k",
            "insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind,"
                + " locale, subject, body, status, updated_at) select '"
                + TENANT
                + "', gen_random_uuid(), case when k % 2 = 0 then '"
                + CLINIC
                + "'::uuid else gen_random_uuid() end, 'SMS', '+201000000000',"
                + " 'APPOINTMENT_BOOKED', 'en', '', 'Booked', case when k % 4 = 0 then 'FAILED'"
                + " else 'SENT' end, now() - k * interval '10 minutes'"
                + " from generate_series(0, 7999) k",
            "insert into patient_import_rows (tenant_id, import_id, row_number, outcome) select '"
                + TENANT
                + "', case when k < 5000 then '"
                + IMPORT
                + "'::uuid else gen_random_uuid() end, k, 'IMPORTED'"
                + " from generate_series(1, 7000) k")) {
      sql.execute(statement);
    }
    for (var table :
        List.of(
            "patients",
            "appointments",
            "visits",
            "patient_documents",
            "waitlist_entries",
            "outbox_messages",
            "patient_import_rows")) {
      sql.execute("analyze " + table);
    }
  }

  private Connection superuser() throws SQLException {
    // the embedded server's superuser, as the benchmarks use it: it may switch triggers off
    return DriverManager.getConnection(
        environment.getRequiredProperty("spring.datasource.url"), "postgres", "");
  }

  private String appRole() {
    return environment.getProperty("spring.flyway.placeholders.app_role", "carebook_app");
  }
}
