package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.Patient.Sex;
import io.carebook.patients.internal.RowValues;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.TenantContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

  /** A registration's input once read and checked: phones in E.164, texts trimmed. */
  record Checked(
      NewPatient typed,
      @Nullable PhoneNumber phone,
      @Nullable PhoneNumber alternatePhone,
      @Nullable String email) {}

  /**
   * Inserts unless the duplicate rule matches an existing patient; true when inserted. The database
   * gives the medical record number when the transaction commits (see V1290), as a row of {@code
   * patient_record_numbers}: the organization's highest plus one, under a per-organization lock
   * held only from that step to the commit, so the numbers have no gaps and no repeats. Until then
   * the new patient has none ({@code patients_numbered}, which every read with the number goes
   * through, shows null).
   */
  boolean insert(PatientId id, Checked patient) {
    var scope = TenantContext.current().orElseThrow();
    var tenant = TenantContext.tenant().value();
    var typed = patient.typed();
    return jdbc.sql(
                """
            insert into patients (tenant_id, id, full_name, name_normalized, other_name,
                                  other_name_normalized, phone_e164, alternate_phone_e164, email,
                                  address, date_of_birth, sex, registered_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, phone_e164, name_normalized)
              where phone_e164 is not null and voided_at is null
            do nothing""")
            .params(
                tenant,
                id.value(),
                typed.fullName().trim(),
                PersonName.normalize(typed.fullName()),
                RowValues.blankToNull(typed.otherName()),
                typed.otherName() == null ? null : PersonName.normalize(typed.otherName()),
                e164(patient.phone()),
                e164(patient.alternatePhone()),
                patient.email(),
                RowValues.blankToNull(typed.address()),
                date(typed.dateOfBirth()),
                typed.sex() == null ? null : typed.sex().name(),
                scope.clinic() == null ? null : scope.clinic().value())
            .update()
        == 1;
  }

  boolean update(PatientId id, Checked patient, int version) {
    var typed = patient.typed();
    return jdbc.sql(
                """
                update patients set full_name = ?, name_normalized = ?, other_name = ?,
                  other_name_normalized = ?, phone_e164 = ?, alternate_phone_e164 = ?, email = ?,
                  address = ?, date_of_birth = ?, sex = ?, version = version + 1,
                  updated_at = now()
                where id = ? and version = ? and voided_at is null""")
            .params(
                typed.fullName().trim(),
                PersonName.normalize(typed.fullName()),
                RowValues.blankToNull(typed.otherName()),
                typed.otherName() == null ? null : PersonName.normalize(typed.otherName()),
                e164(patient.phone()),
                e164(patient.alternatePhone()),
                patient.email(),
                RowValues.blankToNull(typed.address()),
                date(typed.dateOfBirth()),
                typed.sex() == null ? null : typed.sex().name(),
                id.value(),
                version)
            .update()
        == 1;
  }

  Optional<Patient> find(PatientId id) {
    return jdbc.sql("select * from patients_numbered where id = ?")
        .param(id.value())
        .query(Patients::patient)
        .optional();
  }

  boolean exists(PatientId id) {
    return jdbc.sql("select exists (select 1 from patients where id = ?)")
        .param(id.value())
        .query(Boolean.class)
        .single();
  }

  /** The given patients, in one query; unknown ids are left out. */
  List<Patient> findAll(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from patients_numbered where id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(Patients::patient)
        .list();
  }

  /** Full names of the given patients, in one query; unknown ids are left out. */
  java.util.Map<java.util.UUID, String> names(java.util.Collection<java.util.UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    var names = new java.util.HashMap<java.util.UUID, String>();
    jdbc.sql("select id, full_name from patients where id = any(?)")
        .param(ids.toArray(java.util.UUID[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> names.put(rs.getObject(1, java.util.UUID.class), rs.getString(2)));
    return names;
  }

  /** Both records, locked against concurrent changes until the transaction ends. */
  List<Patient> lock(PatientId first, PatientId second) {
    return jdbc.sql(
            """
            select p.*, n.mrn from patients p
              left join patient_record_numbers n on n.tenant_id = p.tenant_id and n.patient_id = p.id
             where p.id in (?, ?) order by p.id for update of p""")
        .params(first.value(), second.value())
        .query(Patients::patient)
        .list();
  }

  Optional<PatientId> sameNameAndPhone(String normalizedName, PhoneNumber phone) {
    return jdbc.sql(
            "select id from patients where phone_e164 = ? and name_normalized = ?"
                + " and voided_at is null")
        .params(phone.e164(), normalizedName)
        .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /** Records in use with this normalized name and date of birth (the import's rule). */
  Optional<PatientId> sameNameAndBirth(String normalizedName, LocalDate born) {
    return jdbc.sql(
            "select id from patients where name_normalized = ? and date_of_birth = ?"
                + " and voided_at is null order by created_at limit 1")
        .params(normalizedName, Date.valueOf(born))
        .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
        .optional();
  }

  List<Patient> withPhone(PhoneNumber phone) {
    return jdbc.sql(
            "select * from patients_numbered where phone_e164 = ? and voided_at is null"
                + " order by created_at")
        .param(phone.e164())
        .query(Patients::patient)
        .list();
  }

  Optional<Patient> withMrn(long mrn) {
    return jdbc.sql("select * from patients_numbered where mrn = ?")
        .param(mrn)
        .query(Patients::patient)
        .optional();
  }

  /**
   * Records in use whose name looks like {@code name} (trigram similarity, either script), or that
   * share the date of birth and look a little alike; the most alike first.
   */
  List<Patient> similar(String name, @Nullable LocalDate born, int limit) {
    return jdbc.sql(
            """
            select *, greatest(similarity(name_normalized, :name),
                               coalesce(similarity(other_name_normalized, :name), 0)) as score
            from patients_numbered
            where voided_at is null
              and (name_normalized % :name or other_name_normalized % :name
                   or (date_of_birth = cast(:born as date)
                       and similarity(name_normalized, :name) > 0.15))
            order by (date_of_birth is not distinct from cast(:born as date)) desc, score desc
            limit :limit""")
        .param("name", name)
        .param("born", born == null ? null : Date.valueOf(born))
        .param("limit", limit)
        .query(Patients::patient)
        .list();
  }

  /**
   * Newest first, records in use only. {@code digits} matches anywhere in the phone numbers; {@code
   * name} matches anywhere in the normalized names; either may be empty.
   */
  List<Patient> search(String digits, String name, @Nullable Keyset after, int limit) {
    return jdbc.sql(
            """
            select * from patients_numbered
            where voided_at is null
              and (:digits = '' or phone_e164 like '%' || :digits || '%'
                   or alternate_phone_e164 like '%' || :digits || '%')
              and (:name = '' or name_normalized like '%' || :name || '%'
                   or other_name_normalized like '%' || :name || '%')
              and (cast(:afterAt as timestamptz) is null
                   or (created_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
            order by created_at desc, id desc
            limit :limit""")
        .param("digits", digits)
        .param("name", escapeLike(name))
        .param("afterAt", after == null ? null : after.timestamp())
        .param("afterId", after == null ? null : after.id())
        .param("limit", limit)
        .query(Patients::patient)
        .list();
  }

  /** Voids a record as merged into {@code survivor}; true when it was still in use. */
  boolean voidAsMerged(PatientId loser, PatientId survivor, String reason) {
    return jdbc.sql(
                """
                update patients set voided_at = now(), voided_by = ?, void_reason = ?,
                  merged_into = ?, version = version + 1, updated_at = now()
                where id = ? and voided_at is null""")
            .params(RowValues.actor(), reason, survivor.value(), loser.value())
            .update()
        == 1;
  }

  /** Fills the survivor's empty details from the duplicate's; what it has stays. */
  void fillBlanks(PatientId survivor, Patient from) {
    jdbc.sql(
            """
            update patients set
              other_name = coalesce(other_name, ?),
              other_name_normalized = coalesce(other_name_normalized, ?),
              email = coalesce(email, ?), address = coalesce(address, ?),
              date_of_birth = coalesce(date_of_birth, ?), sex = coalesce(sex, ?),
              version = version + 1, updated_at = now()
            where id = ?""")
        .params(
            from.otherName(),
            from.otherName() == null ? null : PersonName.normalize(from.otherName()),
            from.email(),
            from.address(),
            date(from.dateOfBirth()),
            from.sex() == null ? null : from.sex().name(),
            survivor.value())
        .update();
  }

  long count() {
    return jdbc.sql("select count(*) from patients where voided_at is null")
        .query(Long.class)
        .single();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static @Nullable String e164(@Nullable PhoneNumber phone) {
    return phone == null ? null : phone.e164();
  }

  private static @Nullable Date date(@Nullable LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  static Patient patient(ResultSet rs, int row) throws SQLException {
    var dob = rs.getDate("date_of_birth");
    var sex = rs.getString("sex");
    var voidedAt = rs.getTimestamp("voided_at");
    var mergedInto = rs.getObject("merged_into", UUID.class);
    return new Patient(
        new PatientId(rs.getObject("id", UUID.class)),
        rs.getObject("mrn", Long.class),
        rs.getString("full_name"),
        rs.getString("other_name"),
        phone(rs.getString("phone_e164")),
        phone(rs.getString("alternate_phone_e164")),
        rs.getString("email"),
        rs.getString("address"),
        dob == null ? null : dob.toLocalDate(),
        sex == null ? null : Sex.valueOf(sex),
        voidedAt == null
            ? null
            : new Patient.Voided(
                voidedAt.toInstant(),
                rs.getObject("voided_by", UUID.class),
                rs.getString("void_reason"),
                mergedInto == null ? null : new PatientId(mergedInto)),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static @Nullable PhoneNumber phone(@Nullable String e164) {
    return e164 == null ? null : new PhoneNumber(e164);
  }
}
