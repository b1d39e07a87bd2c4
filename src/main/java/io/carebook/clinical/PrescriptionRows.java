package io.carebook.clinical;

import io.carebook.tenancy.TenantContext;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Prescriptions, their items and addenda, in the current organization. */
@Repository
public class PrescriptionRows {

  /** Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final EncounterRows encounters;

  PrescriptionRows(JdbcClient jdbc, EncounterRows encounters) {
    this.jdbc = jdbc;
    this.encounters = encounters;
  }

  /** A new verification code: 12 characters, 60 random bits. */
  static String newCode() {
    var code = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  public UUID insert(UUID encounter, @Nullable UUID by) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into prescriptions (tenant_id, id, encounter_id, verification_code, author_id)
            values (?, ?, ?, ?, ?)""")
        .params(TenantContext.tenant().value(), id, encounter, newCode(), by)
        .update();
    return id;
  }

  Optional<Prescription> find(UUID id, boolean lock) {
    return jdbc.sql("select * from prescriptions where id = ?" + (lock ? " for update" : ""))
        .param(id)
        .query((rs, n) -> withDetails(rs))
        .optional();
  }

  List<Prescription> ofEncounter(UUID encounter) {
    return jdbc.sql("select * from prescriptions where encounter_id = ? order by created_at, id")
        .param(encounter)
        .query((rs, n) -> withDetails(rs))
        .list();
  }

  /** The prescriptions of several encounters, items included (one query), addenda left out. */
  List<Prescription> ofEncounters(Collection<UUID> encounterIds) {
    var found =
        jdbc.sql("select * from prescriptions where encounter_id = any(?) order by created_at, id")
            .param(encounterIds.toArray(UUID[]::new))
            .query((rs, n) -> prescription(rs, List.of(), List.of()))
            .list();
    if (found.isEmpty()) {
      return found;
    }
    var items = new java.util.HashMap<UUID, List<Prescription.Item>>();
    jdbc.sql(
            """
            select * from prescription_items where prescription_id = any(?) and voided_at is null
            order by position""")
        .param(found.stream().map(Prescription::id).toArray(UUID[]::new))
        .query(
            rs -> {
              items
                  .computeIfAbsent(
                      rs.getObject("prescription_id", UUID.class), k -> new java.util.ArrayList<>())
                  .add(item(rs));
            });
    return found.stream()
        .map(
            p ->
                new Prescription(
                    p.id(),
                    p.encounterId(),
                    p.status(),
                    p.verificationCode(),
                    p.authorId(),
                    p.createdAt(),
                    p.finalizedAt(),
                    p.finalizedBy(),
                    p.voided(),
                    List.copyOf(items.getOrDefault(p.id(), List.of())),
                    List.of(),
                    p.version()))
        .toList();
  }

  public void insertItem(UUID prescription, Prescription.NewItem item, @Nullable UUID by) {
    jdbc.sql(
            """
            insert into prescription_items (tenant_id, id, prescription_id, position, drug,
              strength, form, dose, frequency, duration, route, instructions, created_by)
            values (?, ?, ?,
              (select coalesce(max(position), 0) + 1 from prescription_items where prescription_id = ?),
              ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            prescription,
            prescription,
            item.drug(),
            item.strength(),
            item.form(),
            item.dose(),
            item.frequency(),
            item.duration(),
            item.route(),
            item.instructions(),
            by)
        .update();
  }

  /**
   * A new version of the prescription, for a change of its items or a new addendum (a voided one
   * takes no change at all, its version included: the immutability trigger refuses it).
   */
  void touch(UUID id) {
    jdbc.sql("update prescriptions set version = version + 1 where id = ? and voided_at is null")
        .param(id)
        .update();
  }

  public boolean finalize(UUID id, Instant at, @Nullable UUID by) {
    return jdbc.sql(
                """
                update prescriptions set status = 'FINALIZED', finalized_at = ?, finalized_by = ?
                where id = ? and status = 'DRAFT' and voided_at is null""")
            .params(Timestamp.from(at), by, id)
            .update()
        == 1;
  }

  /** A prescription with its items and addenda (for one prescription or an encounter's few). */
  private Prescription withDetails(ResultSet rs) throws SQLException {
    var id = rs.getObject("id", UUID.class);
    return prescription(rs, items(id), encounters.addenda(Addenda.On.PRESCRIPTION, id));
  }

  private static Prescription prescription(
      ResultSet rs, List<Prescription.Item> items, List<Addendum> addenda) throws SQLException {
    var finalizedAt = rs.getTimestamp("finalized_at");
    return new Prescription(
        rs.getObject("id", UUID.class),
        rs.getObject("encounter_id", UUID.class),
        Prescription.Status.valueOf(rs.getString("status")),
        rs.getString("verification_code"),
        rs.getObject("author_id", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        finalizedAt == null ? null : finalizedAt.toInstant(),
        rs.getObject("finalized_by", UUID.class),
        EncounterRows.voided(rs),
        items,
        addenda,
        rs.getInt("version"));
  }

  List<Prescription.Item> items(UUID prescription) {
    return jdbc.sql(
            """
            select * from prescription_items where prescription_id = ? and voided_at is null
            order by position""")
        .param(prescription)
        .query((rs, n) -> item(rs))
        .list();
  }

  private static Prescription.Item item(ResultSet rs) throws SQLException {
    return new Prescription.Item(
        rs.getObject("id", UUID.class),
        rs.getInt("position"),
        rs.getString("drug"),
        rs.getString("strength"),
        rs.getString("form"),
        rs.getString("dose"),
        rs.getString("frequency"),
        rs.getString("duration"),
        rs.getString("route"),
        rs.getString("instructions"));
  }

  // fhir: a patient's prescriptions, and the prescription of an item

  /** A patient's prescriptions, items included, oldest first. */
  List<Prescription> ofPatient(UUID patient) {
    return jdbc.sql(
            """
            select p.* from prescriptions p join encounters e on e.id = p.encounter_id
            where e.patient_id = ? order by p.created_at, p.id""")
        .param(patient)
        .query((rs, n) -> withDetails(rs))
        .list();
  }

  /** The prescription an item (not voided) belongs to. */
  Optional<UUID> prescriptionOfItem(UUID item) {
    return jdbc.sql(
            "select prescription_id from prescription_items where id = ? and voided_at is null")
        .param(item)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .optional();
  }
}
