package io.carebook.billing;

import io.carebook.billing.Invoice.CreditNote;
import io.carebook.billing.Invoice.Line;
import io.carebook.billing.Invoice.Payment;
import io.carebook.shared.ClinicId;
import io.carebook.tenancy.TenantContext;
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
            .query(InvoiceRows::line)
            .list();
    var payments =
        jdbc.sql(
                "select p.*, i.currency from payments p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id where p.invoice_id = ? order by p.received_at, p.id")
            .param(id)
            .query(InvoiceRows::payment)
            .list();
    var credits =
        jdbc.sql(
                "select c.*, i.currency from credit_notes c join invoices i on i.tenant_id = c.tenant_id and i.id = c.invoice_id where c.invoice_id = ? order by c.number")
            .param(id)
            .query(InvoiceRows::creditNote)
            .list();
    return jdbc.sql("select * from invoices where id = ?")
        .param(id)
        .query((rs, n) -> InvoiceRows.invoice(rs, lines, payments, credits))
        .optional();
  }

  /** An invoice {@code i}'s payments less its refunds, in minor units. */
  static final String PAID =
      """
      coalesce((select sum(case p.kind when 'PAYMENT' then p.amount_minor else -p.amount_minor end)
                from payments p where p.tenant_id = i.tenant_id and p.invoice_id = i.id), 0)""";

  /** What an invoice {@code i}'s credit notes took off, in minor units. */
  static final String CREDITED =
      """
      coalesce((select sum(c.amount_minor) from credit_notes c
                where c.tenant_id = i.tenant_id and c.invoice_id = i.id), 0)""";

  /** A clinic's invoices, newest first; one patient's if given; without lines and payments. */
  List<Invoice> list(ClinicId clinic, @Nullable UUID patient, int limit) {
    return list(clinic, patient, limit, null, null);
  }

  /** Newest first, after ({@code created}, {@code id}) when given: a keyset page. */
  List<Invoice> list(
      ClinicId clinic,
      @Nullable UUID patient,
      int limit,
      @Nullable Instant created,
      @Nullable UUID id) {
    var at = created == null ? null : Timestamp.from(created);
    return jdbc.sql(
            "select i.*, "
                + PAID
                + " as paid_minor, "
                + CREDITED
                + """
                 as credited_minor
                from invoices i
                where i.clinic_id = ? and (cast(? as uuid) is null or i.patient_id = cast(? as uuid))
                  and (cast(? as timestamptz) is null
                       or (i.created_at, i.id) < (cast(? as timestamptz), cast(? as uuid)))
                order by i.created_at desc, i.id desc limit ?""")
        .params(clinic.value(), patient, patient, at, at, id, limit)
        .query((rs, n) -> InvoiceRows.invoice(rs, List.of(), List.of(), List.of()))
        .list();
  }

  /** Adds a line to a draft and sums its lines again; the invoice as it is now. */
  Invoice addLine(UUID invoice, Line line) {
    insertLine(invoice, line);
    writeSums(invoice, find(invoice).orElseThrow().sums());
    return find(invoice).orElseThrow();
  }

  /** Removes a line from a draft and sums its lines again; the invoice as it is now. */
  Invoice removeLine(UUID invoice, UUID line) {
    jdbc.sql("delete from invoice_lines where invoice_id = ? and id = ?")
        .params(invoice, line)
        .update();
    writeSums(invoice, find(invoice).orElseThrow().sums());
    return find(invoice).orElseThrow();
  }

  private void insertLine(UUID invoice, Line line) {
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

  private void writeSums(UUID invoice, Totals.Sums sums) {
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
}
