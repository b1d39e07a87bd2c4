package io.carebook.billing;

import io.carebook.shared.Money;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What patients owe the active clinic on issued invoices, credit notes and payments net of refunds
 * counted: a read model for the billing pages, the API and the reports (PATIENT_VIEW).
 */
@Service
public class Dues {

  /**
   * A clinic's issued invoices with what each still owes ({@code owed}, below zero if overpaid).
   */
  private static final String OWED_PER_INVOICE =
      "select i.patient_id, i.currency, i.total_minor - "
          + Invoices.CREDITED
          + " - "
          + Invoices.PAID
          + " as owed from invoices i where i.clinic_id = ? and i.status = 'ISSUED'";

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Permissions permissions;

  Dues(JdbcClient jdbc, Catalog catalog, Permissions permissions) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.permissions = permissions;
  }

  /** What one patient owes the active clinic on issued invoices. */
  public record Owed(UUID patientId, Money owed, int invoices) {}

  /** What patients owe the active clinic on issued invoices, most first. */
  @Transactional(readOnly = true)
  public List<Owed> outstanding(int limit) {
    permissions.require(Action.PATIENT_VIEW);
    return jdbc.sql(
            "select patient_id, currency, count(*) as invoices, sum(owed) as owed from ("
                + OWED_PER_INVOICE
                + """
                ) o where owed > 0
                group by patient_id, currency order by sum(owed) desc limit ?""")
        .params(Catalog.clinic().value(), Math.clamp(limit, 1, 200))
        .query(
            (rs, n) ->
                new Owed(
                    rs.getObject("patient_id", UUID.class),
                    new Money(rs.getLong("owed"), Currency.getInstance(rs.getString("currency"))),
                    rs.getInt("invoices")))
        .list();
  }

  /**
   * A page of {@link #outstanding(int)} in the same order (most first, then by patient and
   * currency), after the patient owing {@code owed} minor units under {@code key} ("patient
   * currency") when given: a keyset page.
   */
  @Transactional(readOnly = true)
  public List<Owed> outstanding(int limit, @Nullable Long owed, @Nullable String key) {
    permissions.require(Action.PATIENT_VIEW);
    return jdbc.sql(
            "select * from (select patient_id, currency, count(*) as invoices, sum(owed) as owed"
                + " from ("
                + OWED_PER_INVOICE
                + """
                ) o where owed > 0 group by patient_id, currency) g
                where cast(? as bigint) is null or g.owed < ?
                   or (g.owed = ? and g.patient_id::text || ' ' || g.currency > ?)
                order by g.owed desc, g.patient_id::text || ' ' || g.currency limit ?""")
        .params(Catalog.clinic().value(), owed, owed, owed, key, Math.clamp(limit, 1, 201))
        .query(
            (rs, n) ->
                new Owed(
                    rs.getObject("patient_id", UUID.class),
                    new Money(rs.getLong("owed"), Currency.getInstance(rs.getString("currency"))),
                    rs.getInt("invoices")))
        .list();
  }

  /** All that patients owe the active clinic on issued invoices. */
  @Transactional(readOnly = true)
  public Money total() {
    permissions.require(Action.PATIENT_VIEW);
    var owed =
        jdbc.sql("select coalesce(sum(owed), 0) from (" + OWED_PER_INVOICE + ") o where owed > 0")
            .param(Catalog.clinic().value())
            .query(Long.class)
            .single();
    return new Money(owed, catalog.currency());
  }
}
