package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Encounters, their vitals, notes and note addenda, in the current organization. */
@Repository
public class EncounterRows {

  private final JdbcClient jdbc;

  EncounterRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The encounter of a visit, opened now unless it already was; one per visit, racing or not. */
  public Encounter open(ClinicId clinic, UUID visit, UUID patient, @Nullable UUID by) {
    jdbc.sql(
            """
            insert into encounters (tenant_id, id, clinic_id, visit_id, patient_id, opened_by)
            values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, visit_id) do nothing""")
        .params(tenant(), UUID.randomUUID(), clinic.value(), visit, patient, by)
        .update();
    return ofVisit(visit).orElseThrow();
  }

  Optional<Encounter> ofVisit(UUID visit) {
    return jdbc.sql("select * from encounters where visit_id = ?")
        .param(visit)
        .query(EncounterRows::encounter)
        .optional();
  }

  Optional<Encounter> find(UUID id) {
    return jdbc.sql("select * from encounters where id = ?")
        .param(id)
        .query(EncounterRows::encounter)
        .optional();
  }

  List<Encounter> ofVisits(Collection<UUID> visits) {
    return jdbc.sql("select * from encounters where visit_id = any(?)")
        .param(visits.toArray(UUID[]::new))
        .query(EncounterRows::encounter)
        .list();
  }

  public UUID insertVitals(UUID encounter, Vitals.Input in, @Nullable UUID by) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into encounter_vitals (tenant_id, id, encounter_id, systolic, diastolic, pulse,
              temperature, respiratory_rate, oxygen, weight, height, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            tenant(),
            id,
            encounter,
            in.systolic(),
            in.diastolic(),
            in.pulse(),
            in.temperature(),
            in.respiratoryRate(),
            in.oxygen(),
            in.weight(),
            in.height(),
            by)
        .update();
    return id;
  }

  List<Vitals> vitals(UUID encounter) {
    return jdbc.sql("select * from encounter_vitals where encounter_id = ? order by recorded_at")
        .param(encounter)
        .query(
            (rs, n) ->
                new Vitals(
                    rs.getObject("id", UUID.class),
                    rs.getObject("systolic", Integer.class),
                    rs.getObject("diastolic", Integer.class),
                    rs.getObject("pulse", Integer.class),
                    rs.getBigDecimal("temperature"),
                    rs.getObject("respiratory_rate", Integer.class),
                    rs.getObject("oxygen", Integer.class),
                    rs.getBigDecimal("weight"),
                    rs.getBigDecimal("height"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getObject("recorded_by", UUID.class),
                    voided(rs),
                    rs.getInt("version")))
        .list();
  }

  /** The version of an encounter's vital signs, locked until the transaction ends. */
  java.util.Optional<Integer> lockedVitalsVersion(UUID encounter, UUID id) {
    return jdbc.sql(
            "select version from encounter_vitals where encounter_id = ? and id = ? for update")
        .params(encounter, id)
        .query(Integer.class)
        .optional();
  }

  /** Voids a row of {@code table} in use; false when there was none. */
  boolean voidRow(Table table, UUID id, String reason, @Nullable UUID by) {
    return jdbc.sql(
                "update "
                    + table.sql
                    + " set voided_at = now(), voided_by = ?, void_reason = ?"
                    + " where id = ? and voided_at is null")
            .params(by, reason, id)
            .update()
        == 1;
  }

  /** The tables whose rows are voided (their names are SQL; nothing else is). */
  enum Table {
    VITALS("encounter_vitals"),
    NOTE("clinical_notes"),
    NOTE_ADDENDUM("note_addenda"),
    PRESCRIPTION("prescriptions"),
    ITEM("prescription_items"),
    PRESCRIPTION_ADDENDUM("prescription_addenda");

    final String sql;

    Table(String sql) {
      this.sql = sql;
    }
  }

  public Optional<Note> note(UUID encounter, boolean lock) {
    return jdbc.sql(
            "select * from clinical_notes where encounter_id = ?" + (lock ? " for update" : ""))
        .param(encounter)
        .query((rs, n) -> note(rs, addenda(Addenda.On.NOTE, rs.getObject("id", UUID.class))))
        .optional();
  }

  List<Note> notes(Collection<UUID> encounters) {
    return jdbc.sql("select * from clinical_notes where encounter_id = any(?)")
        .param(encounters.toArray(UUID[]::new))
        .query((rs, n) -> note(rs, List.of()))
        .list();
  }

  /** Inserts the encounter's note; false when another request inserted it first. */
  public boolean insertNote(UUID encounter, Note.Draft draft, @Nullable UUID by) {
    return jdbc.sql(
                """
            insert into clinical_notes (tenant_id, id, encounter_id, subjective, objective,
              assessment, diagnosis, icd10, plan, author_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, encounter_id) do nothing""")
            .params(
                tenant(),
                UUID.randomUUID(),
                encounter,
                text(draft.subjective()),
                text(draft.objective()),
                text(draft.assessment()),
                draft.diagnosis(),
                draft.icd10(),
                text(draft.plan()),
                by)
            .update()
        == 1;
  }

  boolean updateNote(UUID id, Note.Draft draft, int version) {
    return jdbc.sql(
                """
                update clinical_notes set subjective = ?, objective = ?, assessment = ?,
                  diagnosis = ?, icd10 = ?, plan = ?, updated_at = now(), version = version + 1
                where id = ? and version = ? and status = 'DRAFT' and voided_at is null""")
            .params(
                text(draft.subjective()),
                text(draft.objective()),
                text(draft.assessment()),
                draft.diagnosis(),
                draft.icd10(),
                text(draft.plan()),
                id,
                version)
            .update()
        == 1;
  }

  public boolean signNote(UUID id, Instant at, @Nullable UUID by) {
    return jdbc.sql(
                """
                update clinical_notes set status = 'SIGNED', signed_at = ?, signed_by = ?,
                  version = version + 1
                where id = ? and status = 'DRAFT' and voided_at is null""")
            .params(java.sql.Timestamp.from(at), by, id)
            .update()
        == 1;
  }

  UUID insertAddendum(Addenda.On on, UUID parentId, String body, @Nullable UUID by) {
    var id = UUID.randomUUID();
    jdbc.sql(
            "insert into "
                + on.table
                + " (tenant_id, id, "
                + on.parent
                + ", body, signed_by) values (?, ?, ?, ?, ?)")
        .params(tenant(), id, parentId, body, by)
        .update();
    return id;
  }

  List<Addendum> addenda(Addenda.On on, UUID parentId) {
    return jdbc.sql(
            "select * from " + on.table + " where " + on.parent + " = ? order by signed_at, id")
        .param(parentId)
        .query(
            (rs, n) ->
                new Addendum(
                    rs.getObject("id", UUID.class),
                    rs.getString("body"),
                    rs.getTimestamp("signed_at").toInstant(),
                    rs.getObject("signed_by", UUID.class),
                    voided(rs)))
        .list();
  }

  private static Note note(ResultSet rs, List<Addendum> addenda) throws SQLException {
    var signedAt = rs.getTimestamp("signed_at");
    return new Note(
        rs.getObject("id", UUID.class),
        rs.getObject("encounter_id", UUID.class),
        rs.getString("subjective"),
        rs.getString("objective"),
        rs.getString("assessment"),
        rs.getString("diagnosis"),
        rs.getString("icd10"),
        rs.getString("plan"),
        Note.Status.valueOf(rs.getString("status")),
        rs.getObject("author_id", UUID.class),
        rs.getInt("version"),
        rs.getTimestamp("updated_at").toInstant(),
        signedAt == null ? null : signedAt.toInstant(),
        rs.getObject("signed_by", UUID.class),
        voided(rs),
        addenda);
  }

  private static Encounter encounter(ResultSet rs, int n) throws SQLException {
    return new Encounter(
        rs.getObject("id", UUID.class),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getObject("visit_id", UUID.class),
        rs.getObject("patient_id", UUID.class),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getObject("opened_by", UUID.class));
  }

  static @Nullable Voided voided(ResultSet rs) throws SQLException {
    var at = rs.getTimestamp("voided_at");
    return at == null
        ? null
        : new Voided(
            at.toInstant(), rs.getObject("voided_by", UUID.class), rs.getString("void_reason"));
  }

  private static String text(@Nullable String typed) {
    return typed == null ? "" : typed.strip();
  }

  private static UUID tenant() {
    return TenantContext.tenant().value();
  }
}
