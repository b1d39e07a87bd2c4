package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.Patient.Sex;
import io.carebook.shared.PhoneNumber;
import io.carebook.tenancy.TenantContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patients table. Row-level security confines every statement to the current tenant. */
@Repository
class Patients {

  private final JdbcClient jdbc;

  Patients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Where a page of results ends: the sort key of its last row. */
  record Cursor(Instant createdAt, UUID id) {}

  /** Inserts unless the duplicate rule matches an existing patient; true when inserted. */
  boolean insert(PatientId id, NewPatient patient, @Nullable PhoneNumber phone) {
    var scope = TenantContext.current().orElseThrow();
    return jdbc.sql(
                """
            insert into patients (tenant_id, id, full_name, name_normalized, phone_e164,
                                  date_of_birth, sex, registered_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, phone_e164, name_normalized) where phone_e164 is not null
            do nothing""")
            .params(
                TenantContext.tenant().value(),
                id.value(),
                patient.fullName().trim(),
                PersonName.normalize(patient.fullName()),
                phone == null ? null : phone.e164(),
                patient.dateOfBirth() == null ? null : Date.valueOf(patient.dateOfBirth()),
                patient.sex() == null ? null : patient.sex().name(),
                scope.clinic() == null ? null : scope.clinic().value())
            .update()
        == 1;
  }

  boolean update(PatientId id, NewPatient patient, @Nullable PhoneNumber phone, int version) {
    return jdbc.sql(
                """
                update patients set full_name = ?, name_normalized = ?, phone_e164 = ?,
                  date_of_birth = ?, sex = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?""")
            .params(
                patient.fullName().trim(),
                PersonName.normalize(patient.fullName()),
                phone == null ? null : phone.e164(),
                patient.dateOfBirth() == null ? null : Date.valueOf(patient.dateOfBirth()),
                patient.sex() == null ? null : patient.sex().name(),
                id.value(),
                version)
            .update()
        == 1;
  }

  Optional<Patient> find(PatientId id) {
    return jdbc.sql("select * from patients where id = ?")
        .param(id.value())
        .query(Patients::patient)
        .optional();
  }

  Optional<PatientId> sameNameAndPhone(String normalizedName, PhoneNumber phone) {
    return jdbc.sql("select id from patients where phone_e164 = ? and name_normalized = ?")
        .params(phone.e164(), normalizedName)
        .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
        .optional();
  }

  List<Patient> withPhone(PhoneNumber phone) {
    return jdbc.sql("select * from patients where phone_e164 = ? order by created_at")
        .param(phone.e164())
        .query(Patients::patient)
        .list();
  }

  /**
   * Newest first. {@code digits} matches anywhere in the phone number; {@code name} matches
   * anywhere in the normalized name; either may be empty.
   */
  List<Patient> search(String digits, String name, @Nullable Cursor after, int limit) {
    return jdbc.sql(
            """
            select * from patients
            where (:digits = '' or phone_e164 like '%' || :digits || '%')
              and (:name = '' or name_normalized like '%' || :name || '%')
              and (cast(:afterAt as timestamptz) is null
                   or (created_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
            order by created_at desc, id desc
            limit :limit""")
        .param("digits", digits)
        .param("name", escapeLike(name))
        .param("afterAt", after == null ? null : Timestamp.from(after.createdAt()))
        .param("afterId", after == null ? null : after.id())
        .param("limit", limit)
        .query(Patients::patient)
        .list();
  }

  long count() {
    return jdbc.sql("select count(*) from patients").query(Long.class).single();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Patient patient(ResultSet rs, int row) throws SQLException {
    var phone = rs.getString("phone_e164");
    var dob = rs.getDate("date_of_birth");
    var sex = rs.getString("sex");
    return new Patient(
        new PatientId(rs.getObject("id", UUID.class)),
        rs.getString("full_name"),
        phone == null ? null : new PhoneNumber(phone),
        dob == null ? null : dob.toLocalDate(),
        sex == null ? null : Sex.valueOf(sex),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant());
  }
}
