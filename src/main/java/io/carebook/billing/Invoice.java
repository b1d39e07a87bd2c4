package io.carebook.billing;

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
    List<Line> lines,
    List<Payment> payments,
    Instant createdAt,
    @Nullable Instant issuedAt,
    @Nullable String voidReason,
    int version) {

  public enum Status {
    DRAFT,
    ISSUED,
    VOID
  }

  /** What is still owed: the total less payments plus refunds (never below zero while issued). */
  public Money balance() {
    return status == Status.ISSUED ? total.minus(paid) : Money.zero(total.currency());
  }

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
