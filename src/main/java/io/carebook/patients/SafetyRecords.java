package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.tenancy.TenantContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Allergies and medications; rows are voided, never deleted. */
@Repository
class SafetyRecords {

  private final JdbcClient jdbc;

  SafetyRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UUID insertAllergy(PatientId patient, PatientSafety.AllergyInput a) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into patient_allergies (tenant_id, id, patient_id, substance,
              substance_normalized, reaction, severity, status, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            id,
            patient.value(),
            a.substance().trim(),
            DrugNames.normalize(a.substance()),
            Patients.blankToNull(a.reaction()),
            a.severity().name(),
            a.status().name(),
            Patients.actor())
        .update();
    return id;
  }

  boolean updateAllergy(UUID id, PatientSafety.AllergyInput a, int version) {
    return jdbc.sql(
                """
                update patient_allergies set substance = ?, substance_normalized = ?,
                  reaction = ?, severity = ?, status = ?, version = version + 1,
                  updated_at = now()
                where id = ? and version = ? and voided_at is null""")
            .params(
                a.substance().trim(),
                DrugNames.normalize(a.substance()),
                Patients.blankToNull(a.reaction()),
                a.severity().name(),
                a.status().name(),
                id,
                version)
            .update()
        == 1;
  }

  UUID insertMedication(PatientId patient, PatientSafety.MedicationInput m) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into patient_medications (tenant_id, id, patient_id, drug, drug_normalized,
              dose, frequency, since, status, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            id,
            patient.value(),
            m.drug().trim(),
            DrugNames.normalize(m.drug()),
            Patients.blankToNull(m.dose()),
            Patients.blankToNull(m.frequency()),
            m.since() == null ? null : Date.valueOf(m.since()),
            m.status().name(),
            Patients.actor())
        .update();
    return id;
  }

  boolean updateMedication(UUID id, PatientSafety.MedicationInput m, int version) {
    return jdbc.sql(
                """
                update patient_medications set drug = ?, drug_normalized = ?, dose = ?,
                  frequency = ?, since = ?, status = ?, version = version + 1, updated_at = now()
                where id = ? and version = ? and voided_at is null""")
            .params(
                m.drug().trim(),
                DrugNames.normalize(m.drug()),
                Patients.blankToNull(m.dose()),
                Patients.blankToNull(m.frequency()),
                m.since() == null ? null : Date.valueOf(m.since()),
                m.status().name(),
                id,
                version)
            .update()
        == 1;
  }

  /** Allergies in use, active first, then the most severe. */
  List<Allergy> allergies(PatientId patient) {
    return jdbc.sql(
            """
            select * from patient_allergies where patient_id = ? and voided_at is null
            order by status = 'ACTIVE' desc,
                     array_position(array['SEVERE','MODERATE','MILD'], severity), substance""")
        .param(patient.value())
        .query(SafetyRecords::allergy)
        .list();
  }

  List<Medication> medications(PatientId patient) {
    return jdbc.sql(
            """
            select * from patient_medications where patient_id = ? and voided_at is null
            order by status = 'ACTIVE' desc, drug""")
        .param(patient.value())
        .query(SafetyRecords::medication)
        .list();
  }

  Optional<Allergy> allergy(UUID id) {
    return jdbc.sql("select * from patient_allergies where id = ? and voided_at is null")
        .param(id)
        .query(SafetyRecords::allergy)
        .optional();
  }

  Optional<Medication> medication(UUID id) {
    return jdbc.sql("select * from patient_medications where id = ? and voided_at is null")
        .param(id)
        .query(SafetyRecords::medication)
        .optional();
  }

  private static Allergy allergy(ResultSet rs, int row) throws SQLException {
    return new Allergy(
        rs.getObject("id", UUID.class),
        new PatientId(rs.getObject("patient_id", UUID.class)),
        rs.getString("substance"),
        rs.getString("reaction"),
        Allergy.Severity.valueOf(rs.getString("severity")),
        Allergy.Status.valueOf(rs.getString("status")),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static Medication medication(ResultSet rs, int row) throws SQLException {
    var since = rs.getDate("since");
    return new Medication(
        rs.getObject("id", UUID.class),
        new PatientId(rs.getObject("patient_id", UUID.class)),
        rs.getString("drug"),
        rs.getString("dose"),
        rs.getString("frequency"),
        since == null ? null : since.toLocalDate(),
        Medication.Status.valueOf(rs.getString("status")),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant());
  }
}
