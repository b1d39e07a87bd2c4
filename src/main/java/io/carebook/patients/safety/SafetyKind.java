package io.carebook.patients.safety;

import io.carebook.patients.Allergy;
import io.carebook.patients.Medication;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientSafety;
import io.carebook.patients.SafetyEntry;
import io.carebook.patients.internal.RowValues;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * Allergies or medications: the two safety lists of a chart, alike but for their columns. A kind
 * names the list the one path through {@link PatientSafety}, {@link SafetyRecords}, the API and the
 * chart's forms works on: its section ({@code allergies}), table, the text each entry must have
 * (substance, drug; matched by {@link DrugNames}), its other columns and how a row reads.
 */
public final class SafetyKind<E extends SafetyEntry, I> {

  public static final SafetyKind<Allergy, PatientSafety.AllergyInput> ALLERGIES =
      new SafetyKind<>(
          "allergies",
          "patient_allergies",
          "substance",
          PatientSafety.AllergyInput::substance,
          List.of("reaction", "severity", "status"),
          a ->
              Arrays.asList(
                  RowValues.blankToNull(a.reaction()), a.severity().name(), a.status().name()),
          """
          status = 'ACTIVE' desc,
                   array_position(array['SEVERE','MODERATE','MILD'], severity), substance""",
          SafetyKind::allergy);

  public static final SafetyKind<Medication, PatientSafety.MedicationInput> MEDICATIONS =
      new SafetyKind<>(
          "medications",
          "patient_medications",
          "drug",
          PatientSafety.MedicationInput::drug,
          List.of("dose", "frequency", "since", "status"),
          m ->
              Arrays.asList(
                  RowValues.blankToNull(m.dose()),
                  RowValues.blankToNull(m.frequency()),
                  m.since() == null ? null : Date.valueOf(m.since()),
                  m.status().name()),
          "status = 'ACTIVE' desc, drug",
          SafetyKind::medication);

  private final String section;
  private final String table;
  private final String nameColumn;
  private final Function<I, String> name;
  private final List<String> columns;
  private final Function<I, List<@Nullable Object>> values;
  private final String order;
  private final RowMapper<E> rows;

  private SafetyKind(
      String section,
      String table,
      String nameColumn,
      Function<I, String> name,
      List<String> columns,
      Function<I, List<@Nullable Object>> values,
      String order,
      RowMapper<E> rows) {
    this.section = section;
    this.table = table;
    this.nameColumn = nameColumn;
    this.name = name;
    this.columns = columns;
    this.values = values;
    this.order = order;
    this.rows = rows;
  }

  /** The chart's section and the API's path segment: {@code allergies}, {@code medications}. */
  public String section() {
    return section;
  }

  /** The table (its name is SQL; nothing typed is). */
  public String table() {
    return table;
  }

  /** The text every entry has, a drug or substance: required, at most 200 characters. */
  public String nameColumn() {
    return nameColumn;
  }

  public String name(I input) {
    return name.apply(input);
  }

  /** The other columns an entry is written with, in the order of {@link #values}. */
  public List<String> columns() {
    return columns;
  }

  public List<@Nullable Object> values(I input) {
    return values.apply(input);
  }

  /** How the list is ordered (SQL). */
  public String order() {
    return order;
  }

  public RowMapper<E> rows() {
    return rows;
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
