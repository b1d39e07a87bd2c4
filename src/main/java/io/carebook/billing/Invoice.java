package io.carebook.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice of a clinic to a patient, with its lines and the money received against it: the
 * aggregate that guards its own state. Lines are added to a draft only; a draft with lines is
 * issued, then never changes; money is taken and given back against an issued invoice only, never
 * more than is owed or was paid; a credit note never takes off more than the invoice carries; an
 * invoice credited or paid is not voided. Each method refuses with the problem the API answers, or
 * returns what to save.
 */
public record Invoice(
    UUID id,
    ClinicId clinicId,
    UUID patientId,
    @Nullable UUID visitId,
    Status status,
    @Nullable String number,
    Money subtotal,
    Money discount,
    Money tax,
    Money total,
    Money paid,
    Money credited,
    List<Line> lines,
    List<Payment> payments,
    List<CreditNote> creditNotes,
    Instant createdAt,
    @Nullable Instant issuedAt,
    @Nullable String voidReason,
    int version) {

  public enum Status {
    DRAFT,
    ISSUED,
    VOID
  }

  /**
   * What is still owed: the total less credit notes, less payments net of refunds. Below zero when
   * the patient paid more than they now owe (a credit note after payment, or cash and an online
   * payment both); {@link #refundDue()} is then what the desk should give back.
   */
  @JsonProperty
  public Money balance() {
    return status == Status.ISSUED
        ? total.minus(credited).minus(paid)
        : Money.zero(total.currency());
  }

  /** What is still owed, never below zero: what the desk asks the patient for. */
  @JsonProperty
  public Money owed() {
    var balance = balance();
    return balance.minor() < 0 ? Money.zero(total.currency()) : balance;
  }

  /** What the clinic owes back to the patient on this invoice: zero unless overpaid. */
  @JsonProperty
  public Money refundDue() {
    var balance = balance();
    return balance.minor() < 0
        ? Money.zero(total.currency()).minus(balance)
        : Money.zero(total.currency());
  }

  /** Refuses unless this invoice is a draft: an issued invoice never changes. */
  void requireDraft() {
    if (status != Status.DRAFT) {
      throw Catalog.conflict("invoice-issued", "An issued invoice cannot change; void it instead.");
    }
  }

  /**
   * The line this draft gets for {@code request}, figured and placed last: a discount needs a
   * reason and stays within {@code limit}.
   */
  Line addLine(LineRequest request, DiscountLimit limit) {
    requireDraft();
    Totals.Line figures;
    try {
      figures =
          Totals.line(
              request.quantity(), request.price().minor(), request.discount(), request.taxRate());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("discountAmount", "is more than the line");
    }
    var reason = request.discountReason();
    if (figures.discount() > 0) {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalid("discountReason", "is required with a discount");
      }
      limit.check(figures);
    }
    var currency = request.price().currency();
    return new Line(
        UUID.randomUUID(),
        lines.stream().mapToInt(Line::position).max().orElse(0) + 1,
        request.serviceId(),
        request.description(),
        request.quantity(),
        request.price(),
        new Money(figures.discount(), currency),
        figures.discount() > 0 && reason != null ? reason.strip() : null,
        request.taxRate(),
        new Money(figures.tax(), currency),
        new Money(figures.total(), currency));
  }

  /** Refuses to remove a line this draft does not have. */
  void removeLine(UUID lineId) {
    requireDraft();
    if (lines.stream().noneMatch(l -> l.id().equals(lineId))) {
      throw new NotFoundException("Line");
    }
  }

  /** The sums of this invoice's lines, so its figures always add up. */
  Totals.Sums sums() {
    return Totals.sum(
        lines.stream()
            .map(
                l ->
                    new Totals.Line(
                        l.unitPrice().minor() * l.quantity(),
                        l.discount().minor(),
                        l.tax().minor(),
                        l.total().minor()))
            .toList());
  }

  /** Refuses to issue anything but a draft with at least one line. */
  void issue() {
    requireDraft();
    if (lines.isEmpty()) {
      throw Catalog.conflict("invoice-empty", "An invoice needs at least one line to be issued.");
    }
  }

  /**
   * The reason to void this invoice with: one is required, and an invoice already void, credited or
   * paid (net of refunds) is not voided.
   */
  String voidFor(@Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    if (status == Status.VOID) {
      throw Catalog.conflict("invoice-void", "This invoice is already void.");
    }
    if (!creditNotes.isEmpty()) {
      throw Catalog.conflict(
          "invoice-credited", "This invoice has credit notes; credit the rest instead of voiding.");
    }
    if (paid.minor() > 0) {
      throw Catalog.conflict("invoice-paid", "Refund the payments before voiding this invoice.");
    }
    return reason.strip();
  }

  /**
   * A credit note of {@code amount} (tax included) on this issued invoice, never more than it still
   * carries, its tax in the invoice's proportion; numbered when saved.
   */
  CreditNote credit(
      @Nullable BigDecimal amount, @Nullable String reason, Instant at, @Nullable UUID by) {
    requireIssued();
    var money = positive(amount);
    var creditable = total.minus(credited);
    if (money.minor() > creditable.minor()) {
      throw ProblemException.invalid(
          "amount", "is more than the invoice has left to credit (" + creditable + ")");
    }
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    if (reason.strip().length() > 500) {
      throw ProblemException.invalid("reason", "is longer than 500 characters");
    }
    var creditTax =
        Totals.creditTax(
            credited.minor(),
            creditNotes.stream().mapToLong(c -> c.tax().minor()).sum(),
            money.minor(),
            tax.minor(),
            total.minor());
    return new CreditNote(
        UUID.randomUUID(),
        "",
        money,
        new Money(creditTax, money.currency()),
        reason.strip(),
        at,
        by);
  }

  /** Money taken against this issued invoice, never more than is owed. */
  Payment pay(Billing.NewPayment payment, Instant at, @Nullable UUID by) {
    requireIssued();
    var amount = positive(payment.amount());
    if (amount.minor() > balance().minor()) {
      throw ProblemException.invalid("amount", "is more than is owed (" + balance() + ")");
    }
    return Payment.of(Payment.Kind.PAYMENT, payment, amount, at, by);
  }

  /**
   * Money given back on this issued invoice, with a reason: never more than was paid, and so that
   * the invoice never ends owing a remainder nobody billed. That is what the patient paid beyond
   * what they owe ({@link #refundDue()}, after a credit note or a payment taken twice), or
   * everything paid net of earlier refunds (money handed back before the invoice is voided). A
   * refund between the two would leave the invoice owing what was just handed back; the way to give
   * back part of a paid invoice is a credit note, then the refund it makes due.
   */
  Payment refund(Billing.NewPayment refund, Instant at, @Nullable UUID by) {
    requireIssued();
    var amount = positive(refund.amount());
    if (amount.minor() > paid.minor()) {
      throw ProblemException.invalid("amount", "is more than was paid (" + paid + ")");
    }
    if (amount.minor() > refundDue().minor() && amount.minor() != paid.minor()) {
      throw ProblemException.invalid(
          "amount",
          "is more than is due back ("
              + refundDue()
              + ") and less than all that was paid ("
              + paid
              + "): credit the invoice first, or refund everything to void it");
    }
    if (refund.reason() == null || refund.reason().isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    return Payment.of(Payment.Kind.REFUND, refund, amount, at, by);
  }

  /**
   * Whether a payment a provider reports fits this invoice: in its currency, for more than nothing
   * and not more than its total. One that does not fit is not recorded; staff look at it (the event
   * answers {@link EventOutcome#MISMATCHED}, and it is logged).
   */
  boolean fitsOnlinePayment(long amount, String currency) {
    return currency.toUpperCase(Locale.ROOT).equals(total.currency().getCurrencyCode())
        && amount > 0
        && amount <= total.minor();
  }

  /**
   * Money a payment provider says it took for this invoice, by the system: taken once per provider
   * reference and only while issued, even when it is more than is owed now (the desk may have taken
   * cash meanwhile; the excess shows and can be refunded). Empty when nothing is to be taken.
   */
  Optional<Payment> takeOnline(
      long minor, @Nullable String reference, String provider, Instant at) {
    if (minor <= 0 || status != Status.ISSUED) {
      return Optional.empty();
    }
    if (reference != null && payments.stream().anyMatch(p -> reference.equals(p.reference()))) {
      return Optional.empty();
    }
    return Optional.of(
        new Payment(
            UUID.randomUUID(),
            Payment.Kind.PAYMENT,
            Payment.Method.ONLINE,
            provider,
            new Money(minor, total.currency()),
            reference,
            null,
            at,
            null));
  }

  private void requireIssued() {
    if (status != Status.ISSUED) {
      throw Catalog.conflict(
          "invoice-not-issued",
          "Money is taken against issued invoices; this one is "
              + status.name().toLowerCase(Locale.ROOT)
              + ".");
    }
  }

  private Money positive(@Nullable BigDecimal amount) {
    var money = Catalog.money(amount, "amount", total.currency());
    if (money.minor() == 0) {
      throw ProblemException.invalid("amount", "must be more than 0");
    }
    return money;
  }

  /**
   * A correction of an issued invoice: an amount (tax included, {@code tax} of it) the patient no
   * longer owes, numbered in the credit-note series, with the reason.
   */
  public record CreditNote(
      UUID id,
      String number,
      Money amount,
      Money tax,
      String reason,
      Instant createdAt,
      @Nullable UUID createdBy) {}

  public record Line(
      UUID id,
      int position,
      @Nullable UUID serviceId,
      String description,
      int quantity,
      Money unitPrice,
      Money discount,
      @Nullable String discountReason,
      BigDecimal taxRate,
      Money tax,
      Money total) {}

  public record Payment(
      UUID id,
      Kind kind,
      Method method,
      @Nullable String methodNote,
      Money amount,
      @Nullable String reference,
      @Nullable String reason,
      Instant receivedAt,
      @Nullable UUID receivedBy) {

    /**
     * Money received or given back at the desk, by {@code by}: its method one of {@link Method}.
     */
    static Payment of(
        Kind kind, Billing.NewPayment payment, Money amount, Instant at, @Nullable UUID by) {
      Method method;
      try {
        method =
            Method.valueOf(
                payment.method() == null ? "" : payment.method().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(
            "method", "must be CASH, CARD, BANK_TRANSFER, WALLET or ONLINE");
      }
      var reason = payment.reason();
      return new Payment(
          UUID.randomUUID(),
          kind,
          method,
          blankToNull(payment.methodNote()),
          amount,
          blankToNull(payment.reference()),
          kind == Kind.REFUND && reason != null ? reason.strip() : null,
          at,
          by);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }

    public enum Kind {
      PAYMENT,
      REFUND
    }

    public enum Method {
      CASH,
      CARD,
      BANK_TRANSFER,
      WALLET,
      ONLINE
    }
  }
}
