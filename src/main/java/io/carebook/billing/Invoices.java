package io.carebook.billing;

import io.carebook.billing.Invoice.CreditNote;
import io.carebook.billing.Invoice.Line;
import io.carebook.billing.Invoice.Payment;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invoices of the current organization, their lines and payments. */
@Repository
public class Invoices {

  public static final String INVOICE_SERIES = "INV";
  static final String CREDIT_SERIES = "CN";

  private final JdbcClient jdbc;

  Invoices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new draft; false, with nothing written, when the visit already has an invoice (even one being
   * made at this instant by another transaction: this waits for it).
   */
  boolean insertDraft(
      UUID id,
      ClinicId clinic,
      UUID patient,
      @Nullable UUID visit,
      Currency currency,
      @Nullable UUID by) {
    return jdbc.sql(
                """
                insert into invoices (tenant_id, id, clinic_id, patient_id, visit_id, currency,
                                      created_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, visit_id) where visit_id is not null and status <> 'VOID'
                do nothing""")
            .params(
                TenantContext.tenant().value(),
                id,
                clinic.value(),
                patient,
                visit,
                currency.getCurrencyCode(),
                by)
            .update()
        == 1;
  }

  public Optional<UUID> ofVisit(UUID visit) {
    return jdbc.sql("select id from invoices where visit_id = ? and status <> 'VOID'")
        .param(visit)
        .query(UUID.class)
        .optional();
  }

  /** The invoice, its row locked until the transaction ends. */
  public Optional<Invoice> lock(UUID id) {
    return jdbc.sql("select id from invoices where id = ? for update")
        .param(id)
        .query(UUID.class)
        .optional()
        .flatMap(this::find);
  }

  Optional<Invoice> find(UUID id) {
    var lines =
        jdbc.sql(
                "select l.*, i.currency from invoice_lines l join invoices i on i.tenant_id = l.tenant_id and i.id = l.invoice_id where l.invoice_id = ? order by l.position")
            .param(id)
            .query(Invoices::line)
            .list();
    var payments =
        jdbc.sql(
                "select p.*, i.currency from payments p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id where p.invoice_id = ? order by p.received_at, p.id")
            .param(id)
            .query(Invoices::payment)
            .list();
    var credits =
        jdbc.sql(
                "select c.*, i.currency from credit_notes c join invoices i on i.tenant_id = c.tenant_id and i.id = c.invoice_id where c.invoice_id = ? order by c.number")
            .param(id)
            .query(Invoices::creditNote)
            .list();
    return jdbc.sql("select * from invoices where id = ?")
        .param(id)
        .query((rs, n) -> invoice(rs, lines, payments, credits))
        .optional();
  }

  /** An invoice {@code i}'s payments less its refunds, in minor units. */
  private static final String PAID =
      """
      coalesce((select sum(case p.kind when 'PAYMENT' then p.amount_minor else -p.amount_minor end)
                from payments p where p.tenant_id = i.tenant_id and p.invoice_id = i.id), 0)""";

  /** What an invoice {@code i}'s credit notes took off, in minor units. */
  private static final String CREDITED =
      """
      coalesce((select sum(c.amount_minor) from credit_notes c
                where c.tenant_id = i.tenant_id and c.invoice_id = i.id), 0)""";

  /**
   * A clinic's issued invoices with what each still owes ({@code owed}, below zero if overpaid).
   */
  private static final String OWED_PER_INVOICE =
      "select i.patient_id, i.currency, i.total_minor - "
          + CREDITED
          + " - "
          + PAID
          + " as owed from invoices i where i.clinic_id = ? and i.status = 'ISSUED'";

  /** A clinic's invoices, newest first; one patient's if given; without lines and payments. */
  List<Invoice> list(ClinicId clinic, @Nullable UUID patient, int limit) {
    return jdbc.sql(
            "select i.*, "
                + PAID
                + " as paid_minor, "
                + CREDITED
                + """
                 as credited_minor
                from invoices i
                where i.clinic_id = ? and (cast(? as uuid) is null or i.patient_id = cast(? as uuid))
                order by i.created_at desc limit ?""")
        .params(clinic.value(), patient, patient, limit)
        .query((rs, n) -> invoice(rs, List.of(), List.of(), List.of()))
        .list();
  }

  int nextPosition(UUID invoice) {
    return jdbc.sql("select coalesce(max(position), 0) + 1 from invoice_lines where invoice_id = ?")
        .param(invoice)
        .query(Integer.class)
        .single();
  }

  void insertLine(UUID invoice, Line line) {
    jdbc.sql(
            """
            insert into invoice_lines (tenant_id, id, invoice_id, position, service_id, description,
              quantity, unit_price_minor, discount_minor, discount_reason, tax_rate, tax_minor,
              total_minor)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            line.id(),
            invoice,
            line.position(),
            line.serviceId(),
            line.description(),
            line.quantity(),
            line.unitPrice().minor(),
            line.discount().minor(),
            line.discountReason(),
            line.taxRate(),
            line.tax().minor(),
            line.total().minor())
        .update();
  }

  boolean deleteLine(UUID invoice, UUID line) {
    return jdbc.sql("delete from invoice_lines where invoice_id = ? and id = ?")
            .params(invoice, line)
            .update()
        == 1;
  }

  void writeSums(UUID invoice, Totals.Sums sums) {
    jdbc.sql(
            """
            update invoices set subtotal_minor = ?, discount_minor = ?, tax_minor = ?, total_minor = ?,
              version = version + 1
            where id = ? and status = 'DRAFT'""")
        .params(sums.subtotal(), sums.discount(), sums.tax(), sums.total(), invoice)
        .update();
  }

  /** The next number of the clinic's series; rolled back with the transaction if it fails. */
  public int nextNumber(ClinicId clinic, String series) {
    return jdbc.sql(
            """
            insert into invoice_series (tenant_id, clinic_id, series, last) values (?, ?, ?, 1)
            on conflict (tenant_id, clinic_id, series) do update set last = invoice_series.last + 1
            returning last""")
        .params(TenantContext.tenant().value(), clinic.value(), series)
        .query(Integer.class)
        .single();
  }

  public void issue(UUID invoice, int number, Instant at, @Nullable UUID by) {
    jdbc.sql(
            """
            update invoices set status = 'ISSUED', number = ?, issued_at = ?, issued_by = ?,
              version = version + 1
            where id = ? and status = 'DRAFT'""")
        .params(number, Timestamp.from(at), by, invoice)
        .update();
  }

  void voidInvoice(UUID invoice, String reason, Instant at, @Nullable UUID by) {
    jdbc.sql(
            """
            update invoices set status = 'VOID', void_reason = ?, voided_at = ?, voided_by = ?,
              version = version + 1
            where id = ? and status <> 'VOID'""")
        .params(reason, Timestamp.from(at), by, invoice)
        .update();
  }

  public void insertPayment(UUID invoice, ClinicId clinic, Payment payment) {
    jdbc.sql(
            """
            insert into payments (tenant_id, id, clinic_id, invoice_id, kind, method, method_note,
              amount_minor, reference, reason, received_at, received_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            payment.id(),
            clinic.value(),
            invoice,
            payment.kind().name(),
            payment.method().name(),
            payment.methodNote(),
            payment.amount().minor(),
            payment.reference(),
            payment.reason(),
            Timestamp.from(payment.receivedAt()),
            payment.receivedBy())
        .update();
  }

  /** What each patient of the clinic owes on issued invoices, most first. */
  List<Owed> outstanding(ClinicId clinic, int limit) {
    return jdbc.sql(
            "select patient_id, currency, count(*) as invoices, sum(owed) as owed from ("
                + OWED_PER_INVOICE
                + """
                ) o where owed > 0
                group by patient_id, currency order by sum(owed) desc limit ?""")
        .params(clinic.value(), limit)
        .query(
            (rs, n) ->
                new Owed(
                    rs.getObject("patient_id", UUID.class),
                    new Money(rs.getLong("owed"), Currency.getInstance(rs.getString("currency"))),
                    rs.getInt("invoices")))
        .list();
  }

  record Owed(UUID patientId, Money owed, int invoices) {}

  /** All that patients owe the clinic on issued invoices (credit notes and payments counted). */
  long totalOwed(ClinicId clinic) {
    return jdbc.sql(
            "select coalesce(sum(owed), 0) from (" + OWED_PER_INVOICE + ") o where owed > 0")
        .param(clinic.value())
        .query(Long.class)
        .single();
  }

  /** Money taken and given back at a clinic between two instants, per member and method. */
  List<CashRow> cash(ClinicId clinic, Instant from, Instant to) {
    return jdbc.sql(
            """
            select p.received_by, p.method, i.currency,
                   sum(case p.kind when 'PAYMENT' then p.amount_minor else 0 end) as taken,
                   sum(case p.kind when 'REFUND' then p.amount_minor else 0 end) as returned,
                   count(*) as entries
            from payments p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id
            where p.clinic_id = ? and p.received_at >= ? and p.received_at < ?
            group by p.received_by, p.method, i.currency
            order by p.received_by, p.method""")
        .params(clinic.value(), Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, n) -> {
              var currency = Currency.getInstance(rs.getString("currency"));
              return new CashRow(
                  rs.getObject("received_by", UUID.class),
                  Payment.Method.valueOf(rs.getString("method")),
                  new Money(rs.getLong("taken"), currency),
                  new Money(rs.getLong("returned"), currency),
                  rs.getInt("entries"));
            })
        .list();
  }

  /** Money taken less money given back, per clinic-local day, between two instants. */
  java.util.Map<java.time.LocalDate, Long> takingsByDay(
      ClinicId clinic, java.time.ZoneId zone, Instant from, Instant to) {
    var days = new java.util.TreeMap<java.time.LocalDate, Long>();
    jdbc.sql(
            """
            select cast(received_at at time zone ? as date) as day,
                   sum(case kind when 'PAYMENT' then amount_minor else -amount_minor end) as net
            from payments where clinic_id = ? and received_at >= ? and received_at < ?
            group by 1""")
        .params(zone.getId(), clinic.value(), Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, n) -> days.put(rs.getObject("day", java.time.LocalDate.class), rs.getLong("net")))
        .list();
    return days;
  }

  /** What issued invoices billed per service (or description) between two instants, most first. */
  List<Billing.ServiceTakings> byService(ClinicId clinic, Instant from, Instant to, int limit) {
    return jdbc.sql(
            """
            select coalesce(s.name, l.description) as name, i.currency,
                   sum(l.quantity) as quantity, sum(l.total_minor) as total
            from invoice_lines l
            join invoices i on i.tenant_id = l.tenant_id and i.id = l.invoice_id
            left join billable_services s on s.tenant_id = l.tenant_id and s.id = l.service_id
            where i.clinic_id = ? and i.status = 'ISSUED' and i.issued_at >= ? and i.issued_at < ?
            group by 1, 2 order by total desc limit ?""")
        .params(clinic.value(), Timestamp.from(from), Timestamp.from(to), limit)
        .query(
            (rs, n) ->
                new Billing.ServiceTakings(
                    rs.getString("name"),
                    rs.getInt("quantity"),
                    new Money(rs.getLong("total"), Currency.getInstance(rs.getString("currency")))))
        .list();
  }

  record CashRow(
      @Nullable UUID member, Payment.Method method, Money taken, Money returned, int entries) {}

  private static Invoice invoice(
      ResultSet rs, List<Line> lines, List<Payment> payments, List<CreditNote> credits)
      throws SQLException {
    var currency = Currency.getInstance(rs.getString("currency"));
    long paid;
    if (hasColumn(rs, "paid_minor")) {
      paid = rs.getLong("paid_minor");
    } else {
      paid =
          payments.stream()
              .mapToLong(
                  p -> p.kind() == Payment.Kind.PAYMENT ? p.amount().minor() : -p.amount().minor())
              .sum();
    }
    var credited =
        hasColumn(rs, "credited_minor")
            ? rs.getLong("credited_minor")
            : credits.stream().mapToLong(c -> c.amount().minor()).sum();
    var number = rs.getObject("number", Integer.class);
    return new Invoice(
        rs.getObject("id", UUID.class),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getObject("patient_id", UUID.class),
        rs.getObject("visit_id", UUID.class),
        Invoice.Status.valueOf(rs.getString("status")),
        number == null ? null : numbered(rs.getString("series"), number),
        new Money(rs.getLong("subtotal_minor"), currency),
        new Money(rs.getLong("discount_minor"), currency),
        new Money(rs.getLong("tax_minor"), currency),
        new Money(rs.getLong("total_minor"), currency),
        new Money(paid, currency),
        new Money(credited, currency),
        lines,
        payments,
        credits,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("issued_at") == null ? null : rs.getTimestamp("issued_at").toInstant(),
        rs.getString("void_reason"),
        rs.getInt("version"));
  }

  private static String numbered(String series, int number) {
    return series + "-" + String.format("%06d", number);
  }

  void insertCreditNote(UUID invoice, ClinicId clinic, int number, CreditNote note) {
    jdbc.sql(
            """
            insert into credit_notes (tenant_id, id, clinic_id, invoice_id, series, number,
              amount_minor, tax_minor, reason, created_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            note.id(),
            clinic.value(),
            invoice,
            CREDIT_SERIES,
            number,
            note.amount().minor(),
            note.tax().minor(),
            note.reason(),
            Timestamp.from(note.createdAt()),
            note.createdBy())
        .update();
  }

  private static CreditNote creditNote(ResultSet rs, int n) throws SQLException {
    var currency = Currency.getInstance(rs.getString("currency"));
    return new CreditNote(
        rs.getObject("id", UUID.class),
        numbered(rs.getString("series"), rs.getInt("number")),
        new Money(rs.getLong("amount_minor"), currency),
        new Money(rs.getLong("tax_minor"), currency),
        rs.getString("reason"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("created_by", UUID.class));
  }

  private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
    var meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnName(i).equals(column)) {
        return true;
      }
    }
    return false;
  }

  private static Line line(ResultSet rs, int n) throws SQLException {
    var currency = Currency.getInstance(rs.getString("currency"));
    return new Line(
        rs.getObject("id", UUID.class),
        rs.getInt("position"),
        rs.getObject("service_id", UUID.class),
        rs.getString("description"),
        rs.getInt("quantity"),
        new Money(rs.getLong("unit_price_minor"), currency),
        new Money(rs.getLong("discount_minor"), currency),
        rs.getString("discount_reason"),
        rs.getBigDecimal("tax_rate"),
        new Money(rs.getLong("tax_minor"), currency),
        new Money(rs.getLong("total_minor"), currency));
  }

  private static Payment payment(ResultSet rs, int n) throws SQLException {
    var currency = Currency.getInstance(rs.getString("currency"));
    return new Payment(
        rs.getObject("id", UUID.class),
        Payment.Kind.valueOf(rs.getString("kind")),
        Payment.Method.valueOf(rs.getString("method")),
        rs.getString("method_note"),
        new Money(rs.getLong("amount_minor"), currency),
        rs.getString("reference"),
        rs.getString("reason"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getObject("received_by", UUID.class));
  }
}
