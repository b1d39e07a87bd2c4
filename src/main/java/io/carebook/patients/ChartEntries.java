package io.carebook.patients;

import io.carebook.patients.Chart.ConsentChannel;
import io.carebook.patients.Chart.ConsentKind;
import io.carebook.patients.Chart.IdentifierKind;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.internal.RowValues;
import io.carebook.shared.PhoneNumber;
import io.carebook.tenancy.TenantContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chart's smaller tables: identifiers, emergency contacts, consents, tags and guardians. */
@Repository
class ChartEntries {

  private final JdbcClient jdbc;

  ChartEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An identifier as stored: the value sealed, its keyed hash beside it. */
  record SealedIdentifier(
      UUID id, IdentifierKind kind, @Nullable String issuer, byte[] sealed, Instant createdAt) {}

  void insertIdentifier(
      UUID id,
      PatientId patient,
      IdentifierKind kind,
      @Nullable String issuer,
      byte[] sealed,
      byte[] hash) {
    jdbc.sql(
            """
            insert into patient_identifiers (tenant_id, id, patient_id, kind, issuer, value_sealed,
                                             value_hash, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(tenant(), id, patient.value(), kind.name(), issuer, sealed, hash, RowValues.actor())
        .update();
  }

  List<SealedIdentifier> identifiers(PatientId patient) {
    return jdbc.sql(
            "select * from patient_identifiers where patient_id = ? and voided_at is null"
                + " order by created_at")
        .param(patient.value())
        .query(
            (rs, n) ->
                new SealedIdentifier(
                    rs.getObject("id", UUID.class),
                    IdentifierKind.valueOf(rs.getString("kind")),
                    rs.getString("issuer"),
                    rs.getBytes("value_sealed"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** Patients holding an identifier in use with this keyed hash, of any kind or of one. */
  List<PatientId> holdersOf(byte[] hash, @Nullable IdentifierKind kind) {
    return jdbc.sql(
            """
            select distinct patient_id from patient_identifiers
            where value_hash = ? and voided_at is null and (cast(? as text) is null or kind = ?)""")
        .params(hash, kind == null ? null : kind.name(), kind == null ? null : kind.name())
        .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
        .list();
  }

  UUID insertContact(
      PatientId patient, String name, @Nullable String relationship, @Nullable PhoneNumber phone) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into patient_contacts (tenant_id, id, patient_id, name, relationship,
                                          phone_e164, created_by)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            tenant(),
            id,
            patient.value(),
            name.trim(),
            RowValues.blankToNull(relationship),
            phone == null ? null : phone.e164(),
            RowValues.actor())
        .update();
    return id;
  }

  List<Chart.Contact> contacts(PatientId patient) {
    return jdbc.sql(
            "select * from patient_contacts where patient_id = ? and voided_at is null"
                + " order by created_at")
        .param(patient.value())
        .query(
            (rs, n) ->
                new Chart.Contact(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("relationship"),
                    rs.getString("phone_e164") == null
                        ? null
                        : new PhoneNumber(rs.getString("phone_e164"))))
        .list();
  }

  UUID insertConsent(
      PatientId patient,
      ConsentKind kind,
      boolean granted,
      LocalDate on,
      ConsentChannel channel,
      @Nullable String note) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into patient_consents (tenant_id, id, patient_id, kind, granted, decided_on,
                                          channel, note, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            tenant(),
            id,
            patient.value(),
            kind.name(),
            granted,
            Date.valueOf(on),
            channel.name(),
            RowValues.blankToNull(note),
            RowValues.actor())
        .update();
    return id;
  }

  /** Newest decision first. */
  List<Chart.Consent> consents(PatientId patient) {
    return jdbc.sql(
            "select * from patient_consents where patient_id = ? and voided_at is null"
                + " order by decided_on desc, created_at desc")
        .param(patient.value())
        .query(
            (rs, n) ->
                new Chart.Consent(
                    rs.getObject("id", UUID.class),
                    ConsentKind.valueOf(rs.getString("kind")),
                    rs.getBoolean("granted"),
                    rs.getDate("decided_on").toLocalDate(),
                    ConsentChannel.valueOf(rs.getString("channel")),
                    rs.getString("note"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  void tag(PatientId patient, String tag) {
    jdbc.sql(
            "insert into patient_tags (tenant_id, patient_id, tag) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(tenant(), patient.value(), tag)
        .update();
  }

  void untag(PatientId patient, String tag) {
    jdbc.sql("delete from patient_tags where patient_id = ? and tag = ?")
        .params(patient.value(), tag)
        .update();
  }

  List<String> tags(PatientId patient) {
    return jdbc.sql("select tag from patient_tags where patient_id = ? order by tag")
        .param(patient.value())
        .query(String.class)
        .list();
  }

  UUID insertGuardian(PatientId patient, PatientId guardian, @Nullable String relationship) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into patient_guardians (tenant_id, id, patient_id, guardian_id, relationship,
                                           created_by)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            tenant(),
            id,
            patient.value(),
            guardian.value(),
            RowValues.blankToNull(relationship),
            RowValues.actor())
        .update();
    return id;
  }

  /** The guardians of {@code patient} ({@code ofPatient}), or the patients they guard. */
  List<Chart.Relation> relations(PatientId patient, boolean guardiansOfPatient) {
    var mine = guardiansOfPatient ? "g.patient_id" : "g.guardian_id";
    var other = guardiansOfPatient ? "g.guardian_id" : "g.patient_id";
    return jdbc.sql(
            "select g.id, p.id as other, p.full_name, p.mrn, p.date_of_birth, g.relationship"
                + " from patient_guardians g join patients_numbered p on p.tenant_id = g.tenant_id and p.id = "
                + other
                + " where "
                + mine
                + " = ? and g.voided_at is null order by g.created_at")
        .param(patient.value())
        .query(
            (rs, n) ->
                new Chart.Relation(
                    rs.getObject("id", UUID.class),
                    new PatientId(rs.getObject("other", UUID.class)),
                    rs.getString("full_name"),
                    rs.getObject("mrn", Long.class),
                    rs.getDate("date_of_birth") == null
                        ? null
                        : rs.getDate("date_of_birth").toLocalDate(),
                    rs.getString("relationship")))
        .list();
  }

  private static UUID tenant() {
    return TenantContext.tenant().value();
  }
}
