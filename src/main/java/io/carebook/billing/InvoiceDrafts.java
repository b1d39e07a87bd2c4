package io.carebook.billing;

import io.carebook.identity.DoctorProfiles;
import io.carebook.shared.Money;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place a visit's invoice is drafted, whoever asks first: the visit's completion ({@link
 * VisitInvoicing}) or the page that opens it ({@link Billing#ofVisit}). Idempotent: a visit has at
 * most one invoice that is not void, even when both ask at the same instant.
 */
@Component
class InvoiceDrafts {

  private final Invoices invoices;
  private final Catalog catalog;
  private final DoctorProfiles doctors;

  InvoiceDrafts(Invoices invoices, Catalog catalog, DoctorProfiles doctors) {
    this.invoices = invoices;
    this.catalog = catalog;
    this.doctors = doctors;
  }

  /**
   * The invoice of a visit done: the one it has, else its draft made now with its consultation at
   * the doctor's fee (or the clinic's consultation service), in the current transaction.
   */
  UUID forVisit(UUID visitId, UUID patientId, @Nullable UUID doctorId) {
    var existing = invoices.ofVisit(visitId);
    if (existing.isPresent()) {
      return existing.get();
    }
    var fee = fee(doctorId);
    var drafted = empty(patientId, visitId);
    if (drafted.isEmpty()) {
      // drafted at this instant by the page or by the visit's completion
      return invoices.ofVisit(visitId).orElseThrow();
    }
    var id = drafted.get();
    var consultation =
        catalog.services().stream()
            .filter(s -> s.active() && s.kind() == Catalog.Kind.CONSULTATION)
            .findFirst();
    LineRequest line = null;
    if (fee != null && fee.currency().equals(catalog.currency())) {
      var rate = consultation.map(Catalog.BillableService::taxRate).orElse(BigDecimal.ZERO);
      line =
          LineRequest.one(
              consultation.map(Catalog.BillableService::id).orElse(null),
              "Consultation",
              fee,
              rate);
    } else if (consultation.isPresent()) {
      var s = consultation.get();
      line = LineRequest.one(s.id(), s.name(), s.price(), s.taxRate());
    }
    if (line != null) {
      var draft = invoices.find(id).orElseThrow();
      invoices.addLine(id, draft.addLine(line, DiscountLimit.NONE));
    }
    return id;
  }

  /**
   * A new empty draft for a patient, for one of their visits if given; empty, with nothing written,
   * when that visit already has an invoice (even one being made at this instant: this waits).
   */
  Optional<UUID> empty(UUID patientId, @Nullable UUID visitId) {
    var id = UUID.randomUUID();
    return invoices.insertDraft(
            id, Catalog.clinic(), patientId, visitId, catalog.currency(), Catalog.member())
        ? Optional.of(id)
        : Optional.empty();
  }

  private @Nullable Money fee(@Nullable UUID doctor) {
    if (doctor == null) {
      return null;
    }
    try {
      var profile = doctors.of(new UserId(doctor));
      if (profile.consultationFee() == null || profile.currency() == null) {
        return null;
      }
      return Money.of(profile.consultationFee(), Currency.getInstance(profile.currency()));
    } catch (NotFoundException | IllegalArgumentException e) {
      return null; // no longer a doctor here, or a fee finer than the currency allows
    }
  }
}
