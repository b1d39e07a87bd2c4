package io.carebook.billing;

import io.carebook.billing.Invoice.CreditNote;
import io.carebook.billing.Invoice.Line;
import io.carebook.billing.Invoice.Payment;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Invoices, their lines, payments and credit notes read from their rows. */
final class InvoiceRows {

  private InvoiceRows() {}

  static Invoice invoice(
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

  static String numbered(String series, int number) {
    return series + "-" + String.format("%06d", number);
  }

  static CreditNote creditNote(ResultSet rs, int n) throws SQLException {
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

  static Line line(ResultSet rs, int n) throws SQLException {
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

  static Payment payment(ResultSet rs, int n) throws SQLException {
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
