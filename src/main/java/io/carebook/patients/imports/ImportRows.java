package io.carebook.patients.imports;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.imports.PatientImports.Outcome;
import io.carebook.patients.internal.RowValues;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imports table and the outcome of each imported row. */
@Repository
class ImportRows {

  private final JdbcClient jdbc;

  ImportRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Sealed(PatientImport patientImport, byte[] content) {}

  void insert(UUID id, String fileName, byte[] sha256, byte[] sealed, int total, int valid) {
    jdbc.sql(
            """
            insert into patient_imports (tenant_id, id, file_name, file_sha256, content_sealed,
              status, total_rows, valid_rows, created_by)
            values (?, ?, ?, ?, ?, 'PREVIEWED', ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            id,
            fileName,
            sha256,
            sealed,
            total,
            valid,
            RowValues.actor())
        .update();
  }

  Optional<PatientImport> withHash(byte[] sha256) {
    return jdbc.sql("select * from patient_imports where file_sha256 = ?")
        .param(sha256)
        .query(ImportRows::patientImport)
        .optional();
  }

  Optional<Sealed> find(UUID id) {
    return jdbc.sql("select * from patient_imports where id = ?")
        .param(id)
        .query((rs, n) -> new Sealed(patientImport(rs, n), rs.getBytes("content_sealed")))
        .optional();
  }

  List<PatientImport> recent(int limit) {
    return jdbc.sql("select * from patient_imports order by created_at desc limit ?")
        .param(limit)
        .query(ImportRows::patientImport)
        .list();
  }

  /** Takes a previewed (or failed) import to RUNNING; false when someone else already did. */
  boolean start(UUID id) {
    return jdbc.sql(
                "update patient_imports set status = 'RUNNING', started_at = now()"
                    + " where id = ? and status in ('PREVIEWED', 'FAILED')")
            .param(id)
            .update()
        == 1;
  }

  void progress(UUID id) {
    jdbc.sql(
            """
            update patient_imports i set
              processed_rows = (select count(*) from patient_import_rows r where r.import_id = i.id),
              imported_rows = (select count(*) from patient_import_rows r
                               where r.import_id = i.id and r.outcome = 'IMPORTED'),
              duplicate_rows = (select count(*) from patient_import_rows r
                                where r.import_id = i.id and r.outcome = 'DUPLICATE'),
              failed_rows = (select count(*) from patient_import_rows r
                             where r.import_id = i.id and r.outcome in ('INVALID', 'FAILED'))
            where id = ?""")
        .param(id)
        .update();
  }

  void finish(UUID id, PatientImport.Status status) {
    progress(id);
    jdbc.sql("update patient_imports set status = ?, finished_at = now() where id = ?")
        .params(status.name(), id)
        .update();
  }

  void outcome(
      UUID importId, int row, Outcome outcome, @Nullable PatientId patient, @Nullable String msg) {
    jdbc.sql(
            """
            insert into patient_import_rows (tenant_id, import_id, row_number, outcome, patient_id,
                                             message)
            values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
        .params(
            TenantContext.tenant().value(),
            importId,
            row,
            outcome.name(),
            patient == null ? null : patient.value(),
            msg == null ? null : msg.substring(0, Math.min(500, msg.length())))
        .update();
  }

  Set<Integer> done(UUID importId) {
    return Set.copyOf(
        jdbc.sql("select row_number from patient_import_rows where import_id = ?")
            .param(importId)
            .query(Integer.class)
            .list());
  }

  List<PatientImports.RowOutcome> outcomes(UUID importId) {
    return outcomes(importId, 0, Integer.MAX_VALUE);
  }

  /**
   * At most {@code limit} outcomes after row {@code afterRow}, by row number: a keyset page read
   * through the table's primary key (tenant, import, row number).
   */
  List<PatientImports.RowOutcome> outcomes(UUID importId, int afterRow, int limit) {
    return jdbc.sql(
            """
            select r.*, p.full_name from patient_import_rows r
            left join patients p on p.tenant_id = r.tenant_id and p.id = r.patient_id
            where r.import_id = ? and r.row_number > ? order by r.row_number limit ?""")
        .params(importId, afterRow, limit)
        .query(
            (rs, n) ->
                new PatientImports.RowOutcome(
                    rs.getInt("row_number"),
                    Outcome.valueOf(rs.getString("outcome")),
                    rs.getObject("patient_id", UUID.class) == null
                        ? null
                        : new PatientId(rs.getObject("patient_id", UUID.class)),
                    rs.getString("full_name"),
                    rs.getString("message")))
        .list();
  }

  private static PatientImport patientImport(ResultSet rs, int row) throws SQLException {
    var finished = rs.getTimestamp("finished_at");
    return new PatientImport(
        rs.getObject("id", UUID.class),
        rs.getString("file_name"),
        PatientImport.Status.valueOf(rs.getString("status")),
        rs.getInt("total_rows"),
        rs.getInt("valid_rows"),
        rs.getInt("processed_rows"),
        rs.getInt("imported_rows"),
        rs.getInt("duplicate_rows"),
        rs.getInt("failed_rows"),
        rs.getTimestamp("created_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
