package io.carebook.patients.safety;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.SafetyEntry;
import io.carebook.patients.internal.RowValues;
import io.carebook.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Allergies and medications, each list as its {@link SafetyKind} says; voided, never deleted. */
@Repository
public class SafetyRecords {

  private final JdbcClient jdbc;

  SafetyRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public <I> UUID insert(SafetyKind<?, I> kind, PatientId patient, I input) {
    var id = UUID.randomUUID();
    var columns = new ArrayList<>(List.of("tenant_id", "id", "patient_id"));
    columns.addAll(named(kind));
    columns.add("created_by");
    var values = new ArrayList<@Nullable Object>();
    values.addAll(List.of(TenantContext.tenant().value(), id, patient.value()));
    values.addAll(values(kind, input));
    values.add(RowValues.actor());
    jdbc.sql(
            "insert into "
                + kind.table()
                + " ("
                + String.join(", ", columns)
                + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?"))
                + ")")
        .params(values)
        .update();
    return id;
  }

  public <I> boolean update(SafetyKind<?, I> kind, UUID id, I input, int version) {
    var values = values(kind, input);
    values.add(id);
    values.add(version);
    return jdbc.sql(
                "update "
                    + kind.table()
                    + " set "
                    + String.join(" = ?, ", named(kind))
                    + " = ?, version = version + 1, updated_at = now()"
                    + " where id = ? and version = ? and voided_at is null")
            .params(values)
            .update()
        == 1;
  }

  /** The entries in use, in the kind's order (allergies: active first, then the most severe). */
  public <E extends SafetyEntry> List<E> list(SafetyKind<E, ?> kind, PatientId patient) {
    return jdbc.sql(
            "select * from "
                + kind.table()
                + " where patient_id = ? and voided_at is null order by "
                + kind.order())
        .param(patient.value())
        .query(kind.rows())
        .list();
  }

  public <E extends SafetyEntry> Optional<E> find(SafetyKind<E, ?> kind, UUID id) {
    return jdbc.sql("select * from " + kind.table() + " where id = ? and voided_at is null")
        .param(id)
        .query(kind.rows())
        .optional();
  }

  /** The name, its normalized form, then the kind's other columns. */
  private static List<String> named(SafetyKind<?, ?> kind) {
    var columns = new ArrayList<String>();
    columns.add(kind.nameColumn());
    columns.add(kind.nameColumn() + "_normalized");
    columns.addAll(kind.columns());
    return columns;
  }

  private static <I> List<@Nullable Object> values(SafetyKind<?, I> kind, I input) {
    var values = new ArrayList<@Nullable Object>();
    values.add(kind.name(input).trim());
    values.add(DrugNames.normalize(kind.name(input)));
    values.addAll(kind.values(input));
    return values;
  }
}
