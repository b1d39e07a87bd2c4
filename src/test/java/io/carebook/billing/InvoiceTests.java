package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.billing.Invoice.CreditNote;
import io.carebook.billing.Invoice.Line;
import io.carebook.billing.Invoice.Payment;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The invoice's own rules, without Spring: every refusal with the problem the API answers. */
class InvoiceTests {

  private static final Currency EGP = Currency.getInstance("EGP");
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final DiscountLimit NO_MANAGER = DiscountLimit.unless(() -> false);

  @Test
  void aDraftGetsItsLinesFiguredAndPlacedLast() {
    var draft = draft(line(1, 10_000));
    var line =
        draft.addLine(
            request(2, 5_000, new Totals.Discount.Percent(BigDecimal.TEN), " loyal "), NO_MANAGER);
    assertThat(line.position()).isEqualTo(2);
    assertThat(line.discount()).isEqualTo(money(1_000));
    assertThat(line.discountReason()).isEqualTo("loyal");
    assertThat(line.tax()).isEqualTo(money(1_260));
    assertThat(line.total()).isEqualTo(money(10_260));
  }

  @Test
  void anIssuedInvoiceTakesNoLinesAndLosesNone() {
    var issued = issued(0, line(1, 10_000));
    problem(() -> issued.addLine(request(1, 100, Totals.Discount.NONE, null), NO_MANAGER))
        .isEqualTo("invoice-issued");
    problem(() -> issued.removeLine(issued.lines().getFirst().id())).isEqualTo("invoice-issued");
    problem(issued::issue).isEqualTo("invoice-issued");
  }

  @Test
  void aDiscountNeedsAReasonAndNeverExceedsTheLine() {
    var draft = draft();
    invalid(
            () ->
                draft.addLine(request(1, 1_000, new Totals.Discount.Amount(100), " "), NO_MANAGER))
        .isEqualTo("discountReason");
    invalid(
            () ->
                draft.addLine(
                    request(1, 1_000, new Totals.Discount.Amount(1_001), "why"), NO_MANAGER))
        .isEqualTo("discountAmount");
  }

  @Test
  void aDiscountOverTenPercentNeedsSomeoneWhoMayExceedTheLimit() {
    var draft = draft();
    var asked = new AtomicBoolean();
    var limit =
        DiscountLimit.unless(
            () -> {
              asked.set(true);
              return false;
            });
    draft.addLine(request(1, 1_000, new Totals.Discount.Amount(100), "ten"), limit);
    assertThat(asked).isFalse();
    assertThatThrownBy(
            () -> draft.addLine(request(1, 1_000, new Totals.Discount.Amount(101), "more"), limit))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
              assertThat(e.kind()).isEqualTo("discount-limit");
              assertThat(e.properties()).containsEntry("limitPercent", 10);
            });
    var manager = DiscountLimit.unless(() -> true);
    assertThat(
            draft
                .addLine(request(1, 1_000, new Totals.Discount.Amount(500), "half"), manager)
                .discount())
        .isEqualTo(money(500));
  }

  @Test
  void aLineNotOnTheDraftIsNotFound() {
    assertThatThrownBy(() -> draft(line(1, 100)).removeLine(UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyADraftWithLinesIsIssued() {
    problem(() -> draft().issue()).isEqualTo("invoice-empty");
    draft(line(1, 100)).issue();
  }

  @Test
  void voidingNeedsAReasonAndAnInvoiceNeitherVoidCreditedNorPaid() {
    var issued = issued(0, line(1, 10_000));
    invalid(() -> issued.voidFor(" ")).isEqualTo("reason");
    assertThat(issued.voidFor(" wrong patient ")).isEqualTo("wrong patient");
    problem(() -> with(issued, Invoice.Status.VOID, 0, List.of()).voidFor("again"))
        .isEqualTo("invoice-void");
    problem(() -> with(issued, Invoice.Status.ISSUED, 0, List.of(note(1_000))).voidFor("x"))
        .isEqualTo("invoice-credited");
    problem(() -> issued(1, line(1, 10_000)).voidFor("x")).isEqualTo("invoice-paid");
  }

  @Test
  void aCreditNoteIsWithinWhatTheInvoiceStillCarriesAndCarriesItsShareOfTax() {
    var issued = issued(0, line(1, 10_000, new BigDecimal("14")));
    problem(() -> draft(line(1, 100)).credit(BigDecimal.ONE, "x", NOW, null))
        .isEqualTo("invoice-not-issued");
    invalid(() -> issued.credit(BigDecimal.ZERO, "x", NOW, null)).isEqualTo("amount");
    invalid(() -> issued.credit(new BigDecimal("-1"), "x", NOW, null)).isEqualTo("amount");
    invalid(() -> issued.credit(new BigDecimal("114.01"), "x", NOW, null)).isEqualTo("amount");
    invalid(() -> issued.credit(BigDecimal.TEN, null, NOW, null)).isEqualTo("reason");
    invalid(() -> issued.credit(BigDecimal.TEN, "x".repeat(501), NOW, null)).isEqualTo("reason");
    var note = issued.credit(new BigDecimal("57"), " returned ", NOW, null);
    assertThat(note.amount()).isEqualTo(money(5_700));
    assertThat(note.tax()).isEqualTo(money(700));
    assertThat(note.reason()).isEqualTo("returned");
  }

  @Test
  void moneyIsTakenAgainstAnIssuedInvoiceUpToWhatIsOwed() {
    var issued = issued(0, line(1, 10_000));
    problem(() -> draft(line(1, 100)).pay(pay("CASH", "1"), NOW, null))
        .isEqualTo("invoice-not-issued");
    invalid(() -> issued.pay(pay("CASH", "0"), NOW, null)).isEqualTo("amount");
    invalid(() -> issued.pay(pay("CASH", "0.001"), NOW, null)).isEqualTo("amount");
    invalid(() -> issued.pay(pay("CASH", "100.01"), NOW, null)).isEqualTo("amount");
    invalid(() -> issued.pay(pay("GOLD", "10"), NOW, null)).isEqualTo("method");
    var payment = issued.pay(pay(" card ", "100"), NOW, null);
    assertThat(payment.kind()).isEqualTo(Payment.Kind.PAYMENT);
    assertThat(payment.method()).isEqualTo(Payment.Method.CARD);
    assertThat(payment.amount()).isEqualTo(money(10_000));
    assertThat(payment.reason()).isNull();
  }

  @Test
  void aRefundIsWhatIsDueBackOrAllThatWasPaidWithAReason() {
    var paid = issued(6_000, line(1, 10_000));
    invalid(() -> paid.refund(refund("60.01", "x"), NOW, null)).isEqualTo("amount");
    invalid(() -> paid.refund(refund("10", "x"), NOW, null)).isEqualTo("amount");
    invalid(() -> paid.refund(refund("60", " "), NOW, null)).isEqualTo("reason");
    assertThat(paid.refund(refund("60", " all back "), NOW, null).reason()).isEqualTo("all back");
    var overpaid =
        with(issued(10_000, line(1, 10_000)), Invoice.Status.ISSUED, 10_000, List.of(note(3_000)));
    assertThat(overpaid.refundDue()).isEqualTo(money(3_000));
    assertThat(overpaid.refund(refund("30", "credited"), NOW, null).amount())
        .isEqualTo(money(3_000));
    invalid(() -> overpaid.refund(refund("30.01", "x"), NOW, null)).isEqualTo("amount");
  }

  @Test
  void anOnlinePaymentFitsInTheCurrencyAndWithinTheTotal() {
    var issued = issued(0, line(1, 10_000));
    assertThat(issued.fitsOnlinePayment(10_000, "egp")).isTrue();
    assertThat(issued.fitsOnlinePayment(10_000, "USD")).isFalse();
    assertThat(issued.fitsOnlinePayment(0, "EGP")).isFalse();
    assertThat(issued.fitsOnlinePayment(10_001, "EGP")).isFalse();
  }

  @Test
  void anOnlinePaymentIsTakenOncePerReferenceAndOnlyWhileIssued() {
    var issued = issued(0, line(1, 10_000));
    var taken = issued.takeOnline(12_000, "pi_1", "Stripe", NOW).orElseThrow();
    assertThat(taken.method()).isEqualTo(Payment.Method.ONLINE);
    assertThat(taken.methodNote()).isEqualTo("Stripe");
    var again =
        new Invoice(
            issued.id(),
            issued.clinicId(),
            issued.patientId(),
            null,
            Invoice.Status.ISSUED,
            issued.number(),
            issued.subtotal(),
            issued.discount(),
            issued.tax(),
            issued.total(),
            taken.amount(),
            issued.credited(),
            issued.lines(),
            List.of(taken),
            issued.creditNotes(),
            NOW,
            NOW,
            null,
            1);
    assertThat(again.takeOnline(12_000, "pi_1", "Stripe", NOW)).isEmpty();
    assertThat(issued.takeOnline(0, "pi_2", "Stripe", NOW)).isEmpty();
    assertThat(draft(line(1, 100)).takeOnline(100, "pi_3", "Stripe", NOW)).isEmpty();
  }

  @Test
  void aLineAskedForIsReadFieldByField() {
    invalid(() -> LineRequest.of(newLine(" ", 1, "1", null, null), null, EGP))
        .isEqualTo("description");
    invalid(() -> LineRequest.of(newLine("x".repeat(201), 1, "1", null, null), null, EGP))
        .isEqualTo("description");
    invalid(() -> LineRequest.of(newLine("x", 0, "1", null, null), null, EGP))
        .isEqualTo("quantity");
    invalid(() -> LineRequest.of(newLine("x", 1001, "1", null, null), null, EGP))
        .isEqualTo("quantity");
    invalid(() -> LineRequest.of(newLine("x", 1, null, null, null), null, EGP))
        .isEqualTo("unitPrice");
    invalid(() -> LineRequest.of(newLine("x", 1, "1", "5", "1"), null, EGP))
        .isEqualTo("discountAmount");
    invalid(() -> LineRequest.of(newLine("x", 1, "1", "101", null), null, EGP))
        .isEqualTo("discountPercent");
    var service =
        new Catalog.BillableService(
            UUID.randomUUID(),
            "C",
            "Consultation",
            Catalog.Kind.CONSULTATION,
            money(30_000),
            null,
            new BigDecimal("14"),
            true,
            0);
    var line = LineRequest.of(newLine(null, null, null, null, null), service, EGP);
    assertThat(line.description()).isEqualTo("Consultation");
    assertThat(line.quantity()).isEqualTo(1);
    assertThat(line.price()).isEqualTo(money(30_000));
    assertThat(line.taxRate()).isEqualByComparingTo("14");
  }

  private static Money money(long minor) {
    return new Money(minor, EGP);
  }

  private static LineRequest request(
      int quantity, long price, Totals.Discount discount, String reason) {
    return new LineRequest(
        null, "Dressing", quantity, money(price), discount, reason, new BigDecimal("14"));
  }

  private static Billing.NewLine newLine(
      String description, Integer quantity, String price, String percent, String amount) {
    return new Billing.NewLine(
        null,
        description,
        quantity,
        price == null ? null : new BigDecimal(price),
        percent == null ? null : new BigDecimal(percent),
        amount == null ? null : new BigDecimal(amount),
        "reason");
  }

  private static Billing.NewPayment pay(String method, String amount) {
    return new Billing.NewPayment(method, new BigDecimal(amount), null, null, null);
  }

  private static Billing.NewPayment refund(String amount, String reason) {
    return new Billing.NewPayment("CASH", new BigDecimal(amount), null, null, reason);
  }

  private static Line line(int position, long price) {
    return line(position, price, BigDecimal.ZERO);
  }

  private static Line line(int position, long price, BigDecimal rate) {
    var figures = Totals.line(1, price, Totals.Discount.NONE, rate);
    return new Line(
        UUID.randomUUID(),
        position,
        null,
        "Consultation",
        1,
        money(price),
        money(0),
        null,
        rate,
        money(figures.tax()),
        money(figures.total()));
  }

  private static CreditNote note(long amount) {
    return new CreditNote(UUID.randomUUID(), "CN-000001", money(amount), money(0), "x", NOW, null);
  }

  private static Invoice draft(Line... lines) {
    return invoice(Invoice.Status.DRAFT, 0, List.of(lines), List.of());
  }

  private static Invoice issued(long paid, Line... lines) {
    return invoice(Invoice.Status.ISSUED, paid, List.of(lines), List.of());
  }

  private static Invoice with(
      Invoice invoice, Invoice.Status status, long paid, List<CreditNote> notes) {
    return invoice(status, paid, invoice.lines(), notes);
  }

  private static Invoice invoice(
      Invoice.Status status, long paid, List<Line> lines, List<CreditNote> notes) {
    var sums =
        Totals.sum(
            new ArrayList<>(
                lines.stream()
                    .map(
                        l ->
                            new Totals.Line(
                                l.unitPrice().minor() * l.quantity(),
                                l.discount().minor(),
                                l.tax().minor(),
                                l.total().minor()))
                    .toList()));
    return new Invoice(
        UUID.randomUUID(),
        new ClinicId(UUID.randomUUID()),
        UUID.randomUUID(),
        null,
        status,
        status == Invoice.Status.DRAFT ? null : "INV-000001",
        money(sums.subtotal()),
        money(sums.discount()),
        money(sums.tax()),
        money(sums.total()),
        money(paid),
        money(notes.stream().mapToLong(n -> n.amount().minor()).sum()),
        lines,
        List.of(),
        notes,
        NOW,
        status == Invoice.Status.DRAFT ? null : NOW,
        null,
        1);
  }

  private static org.assertj.core.api.AbstractStringAssert<?> problem(ThrowingCallable call) {
    var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class, call);
    assertThat(thrown).as("a problem").isNotNull();
    return assertThat(thrown.kind());
  }

  private static org.assertj.core.api.AbstractStringAssert<?> invalid(ThrowingCallable call) {
    var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class, call);
    assertThat(thrown).as("a problem").isNotNull();
    assertThat(thrown.kind()).isEqualTo("invalid-input");
    return assertThat(thrown.errors().getFirst().field());
  }
}
