package io.carebook.patients.documents;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.internal.RowValues;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents table: what is known of each file, and the key it is stored under. */
@Repository
public class DocumentRows {

  private final JdbcClient jdbc;

  DocumentRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Stored(PatientDocument document, String storageKey) {}

  void insert(PatientDocument d, byte[] sha256, String storageKey) {
    jdbc.sql(
            """
            insert into patient_documents (tenant_id, id, patient_id, file_name, content_type,
              size_bytes, sha256, storage_key, description, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            d.id(),
            d.patientId().value(),
            d.fileName(),
            d.contentType(),
            d.sizeBytes(),
            sha256,
            storageKey,
            d.description(),
            RowValues.actor())
        .update();
  }

  public List<PatientDocument> of(PatientId patient) {
    return jdbc.sql(
            "select * from patient_documents where patient_id = ? and voided_at is null"
                + " order by created_at desc, id desc")
        .param(patient.value())
        .query(DocumentRows::document)
        .list();
  }

  /**
   * A keyset page of {@link #of}: at most {@code limit} documents after {@code after} (uploaded at,
   * id), newest first, read through the index of the patient's documents.
   */
  List<PatientDocument> of(PatientId patient, @Nullable Keyset after, int limit) {
    var sql =
        "select * from patient_documents where patient_id = ? and voided_at is null"
            + (after == null ? "" : " and (created_at, id) < (?, ?)")
            + " order by created_at desc, id desc limit ?";
    return jdbc.sql(sql)
        .params(
            after == null
                ? List.of(patient.value(), limit)
                : List.of(patient.value(), after.timestamp(), after.id(), limit))
        .query(DocumentRows::document)
        .list();
  }

  /** When a document of the patient's chart in use was uploaded: where a page after it begins. */
  Optional<Instant> uploadedAt(PatientId patient, UUID id) {
    return jdbc.sql(
            "select created_at from patient_documents"
                + " where id = ? and patient_id = ? and voided_at is null")
        .params(id, patient.value())
        .query((rs, n) -> rs.getTimestamp("created_at").toInstant())
        .optional();
  }

  Optional<Stored> find(UUID id) {
    return jdbc.sql("select * from patient_documents where id = ? and voided_at is null")
        .param(id)
        .query((rs, n) -> new Stored(document(rs, n), rs.getString("storage_key")))
        .optional();
  }

  private static PatientDocument document(ResultSet rs, int row) throws SQLException {
    @Nullable String description = rs.getString("description");
    return new PatientDocument(
        rs.getObject("id", UUID.class),
        new PatientId(rs.getObject("patient_id", UUID.class)),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        description,
        rs.getTimestamp("created_at").toInstant());
  }
}
