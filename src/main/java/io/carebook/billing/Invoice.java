package io.carebook.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invoice of a clinic to a patient, with its lines and the money received against it. */
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
