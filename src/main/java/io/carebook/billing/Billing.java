package io.carebook.billing;

import io.carebook.billing.Invoice.Payment;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.InvoiceId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of billing: invoices of the active clinic from draft to issued (or void), and the
 * money received and refunded against them. It loads the invoice (locked), asks the permission,
 * lets the {@link Invoice} decide, and saves what it returns; the rules are the invoice's.
 *
 * <p>Who may do what is the permission matrix, asked in the state of the invoice's visit (NONE for
 * an invoice of no visit): INVOICE_ISSUE to draft, edit and issue, INVOICE_VOID to void and credit,
 * PAYMENT_RECORD to take money, REFUND to give it back. A discount of more than {@value
 * DiscountLimit#FREE_PERCENT}% of a line needs a role that may also void invoices ({@link
 * DiscountLimit}).
 */
@Service
public class Billing {

  private final Invoices invoices;
  private final InvoiceDrafts drafts;
  private final Catalog catalog;
  private final FrontDesk frontDesk;
  private final PatientDirectory patients;
  private final Permissions permissions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Billing(
      Invoices invoices,
      InvoiceDrafts drafts,
      Catalog catalog,
      FrontDesk frontDesk,
      PatientDirectory patients,
      Permissions permissions,
      Clock clock,
      ApplicationEventPublisher events) {
    this.invoices = invoices;
    this.drafts = drafts;
    this.catalog = catalog;
    this.frontDesk = frontDesk;
    this.patients = patients;
    this.permissions = permissions;
    this.clock = clock;
    this.events = events;
  }

  /** A new draft invoice for a patient, for one of their visits of the clinic if given. */
  @Transactional
  public Invoice draft(UUID patientId, @Nullable UUID visitId) {
    patients.get(new PatientId(patientId));
    var state = VisitState.NONE;
    if (visitId != null) {
      var visit = frontDesk.get(new VisitId(visitId));
      if (!visit.patientId().equals(patientId)) {
        throw ProblemException.invalid("visitId", "is a visit of another patient");
      }
      state = visit.state();
      if (invoices.ofVisit(visitId).isPresent()) {
        throw Catalog.conflict("visit-invoiced", "This visit already has an invoice.");
      }
    }
    permissions.require(Action.INVOICE_ISSUE, state);
    var id =
        drafts
            .empty(patientId, visitId)
            .orElseThrow(
                () -> Catalog.conflict("visit-invoiced", "This visit already has an invoice."));
    return invoices.find(id).orElseThrow();
  }

  /**
   * The invoice of a visit of the active clinic: the one it has, else its draft made now as when
   * the visit is done (the page asks for it as soon as the visit is done, maybe before the draft
   * made on the visit's completion), see {@link InvoiceDrafts#forVisit}.
   */
  @Transactional
  public Invoice ofVisit(UUID visitId) {
    var visit = frontDesk.get(new VisitId(visitId));
    permissions.require(Action.INVOICE_ISSUE, visit.state());
    return invoices
        .find(drafts.forVisit(visitId, visit.patientId(), visit.doctorId()))
        .orElseThrow();
  }

  /**
   * The draft of a visit just done, by the system (the visit's completion, the demo), unless the
   * visit already has an invoice: the same {@link InvoiceDrafts#forVisit} the page's {@link
   * #ofVisit} uses.
   */
  public void draftForVisit(UUID visitId, UUID patientId, @Nullable UUID doctorId) {
    drafts.forVisit(visitId, patientId, doctorId);
  }

  /** A line to add to a draft: a service of the catalog, or a description and a price. */
  public record NewLine(
      @Nullable UUID serviceId,
      @Nullable String description,
      @Nullable Integer quantity,
      @Nullable BigDecimal unitPrice,
      @Nullable BigDecimal discountPercent,
      @Nullable BigDecimal discountAmount,
      @Nullable String discountReason) {}

  @Transactional
  public Invoice addLine(UUID invoiceId, NewLine line) {
    var invoice = editable(invoiceId);
    Catalog.BillableService service = null;
    if (line.serviceId() != null) {
      service =
          catalog
              .service(line.serviceId())
              .filter(Catalog.BillableService::active)
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          "serviceId", "is not an active service of this clinic"));
    }
    var request = LineRequest.of(line, service, invoice.total().currency());
    return invoices.addLine(invoiceId, invoice.addLine(request, discountLimit()));
  }

  @Transactional
  public Invoice removeLine(UUID invoiceId, UUID lineId) {
    editable(invoiceId).removeLine(lineId);
    return invoices.removeLine(invoiceId, lineId);
  }

  /** Issues a draft with the next number of the clinic's series; from then on it never changes. */
  @Transactional
  public Invoice issue(UUID invoiceId) {
    var invoice = editable(invoiceId);
    invoice.issue();
    var number = invoices.nextNumber(invoice.clinicId(), Invoices.INVOICE_SERIES);
    invoices.issue(invoiceId, number, clock.instant(), Catalog.member());
    var issued = invoices.find(invoiceId).orElseThrow();
    events.publishEvent(
        new InvoiceIssued(
            TenantContext.tenant(),
            issued.clinicId(),
            new InvoiceId(issued.id()),
            issued.patientId(),
            issued.visitId(),
            java.util.Objects.requireNonNull(issued.number()),
            issued.total(),
            java.util.Objects.requireNonNull(issued.issuedAt())));
    return issued;
  }

  @Transactional
  public Invoice voidInvoice(UUID invoiceId, String reason) {
    var invoice = locked(invoiceId);
    permissions.require(Action.INVOICE_VOID, stateOf(invoice));
    var why = invoice.voidFor(reason);
    invoices.voidInvoice(invoiceId, why, clock.instant(), Catalog.member());
    return invoices.find(invoiceId).orElseThrow();
  }

  /**
   * Corrects an issued invoice by a credit note of {@code amount} (tax included) with a reason:
   * numbered gap-free in the credit-note series, never more than the invoice still carries. It
   * needs the permission to void invoices. If the patient had already paid more than they now owe,
   * the invoice shows what to refund.
   */
  @Transactional
  public Invoice credit(UUID invoiceId, @Nullable BigDecimal amount, @Nullable String reason) {
    var invoice = locked(invoiceId);
    permissions.require(Action.INVOICE_VOID, stateOf(invoice));
    var note = invoice.credit(amount, reason, clock.instant(), Catalog.member());
    var number = invoices.nextNumber(invoice.clinicId(), Invoices.CREDIT_SERIES);
    invoices.insertCreditNote(invoiceId, invoice.clinicId(), number, note);
    return invoices.find(invoiceId).orElseThrow();
  }

  /** Money received or given back. */
  public record NewPayment(
      @Nullable String method,
      @Nullable BigDecimal amount,
      @Nullable String methodNote,
      @Nullable String reference,
      @Nullable String reason) {}

  @Transactional
  public Invoice pay(UUID invoiceId, NewPayment payment) {
    var invoice = locked(invoiceId);
    permissions.require(Action.PAYMENT_RECORD, stateOf(invoice));
    return save(invoice, invoice.pay(payment, clock.instant(), Catalog.member()));
  }

  @Transactional
  public Invoice refund(UUID invoiceId, NewPayment refund) {
    var invoice = locked(invoiceId);
    permissions.require(Action.REFUND, stateOf(invoice));
    return save(invoice, invoice.refund(refund, clock.instant(), Catalog.member()));
  }

  @Transactional(readOnly = true)
  public Invoice get(UUID invoiceId) {
    permissions.require(Action.PATIENT_VIEW);
    return invoices
        .find(invoiceId)
        .filter(i -> i.clinicId().equals(Catalog.clinic()))
        .orElseThrow(() -> new NotFoundException("Invoice"));
  }

  /**
   * A page of the active clinic's invoices, newest first, after the one created at {@code created}
   * with {@code id} when given (a keyset page); one patient's if given.
   */
  @Transactional(readOnly = true)
  public List<Invoice> list(
      @Nullable UUID patientId, int limit, @Nullable Instant created, @Nullable UUID id) {
    permissions.require(Action.PATIENT_VIEW);
    return invoices.list(Catalog.clinic(), patientId, Math.clamp(limit, 1, 201), created, id);
  }

  /** The active clinic's invoices, newest first; one patient's if given. */
  @Transactional(readOnly = true)
  public List<Invoice> list(@Nullable UUID patientId, int limit) {
    permissions.require(Action.PATIENT_VIEW);
    return invoices.list(Catalog.clinic(), patientId, Math.clamp(limit, 1, 200));
  }

  /**
   * Money a payment provider says it took for an invoice (by the system, after its verified event),
   * see {@link Invoice#takeOnline}.
   */
  void recordOnline(UUID invoiceId, long minor, @Nullable String reference) {
    recordOnline(invoiceId, minor, reference, "Stripe");
  }

  /** As above, the payment's method naming {@code provider}, which took it. */
  void recordOnline(UUID invoiceId, long minor, @Nullable String reference, String provider) {
    invoices
        .lock(invoiceId)
        .ifPresent(
            invoice ->
                invoice
                    .takeOnline(minor, reference, provider, clock.instant())
                    .ifPresent(payment -> save(invoice, payment)));
  }

  private Invoice save(Invoice invoice, Payment payment) {
    invoices.insertPayment(invoice.id(), invoice.clinicId(), payment);
    var saved = invoices.find(invoice.id()).orElseThrow();
    if (payment.kind() == Payment.Kind.PAYMENT
        && invoice.balance().minor() > 0
        && saved.balance().minor() <= 0) {
      events.publishEvent(
          new InvoicePaid(
              TenantContext.tenant(),
              saved.clinicId(),
              new InvoiceId(saved.id()),
              saved.patientId(),
              saved.total(),
              payment.receivedAt()));
    }
    return saved;
  }

  /** The discount limit of the member acting; the system's lines are not limited. */
  private DiscountLimit discountLimit() {
    return DiscountLimit.unless(
        () ->
            TenantContext.current().map(TenantContext.Scope::user).isEmpty()
                || permissions.allows(Action.INVOICE_VOID, VisitState.NONE)
                || permissions.allows(Action.INVOICE_VOID, VisitState.DONE));
  }

  private Invoice editable(UUID invoiceId) {
    var invoice = locked(invoiceId);
    permissions.require(Action.INVOICE_ISSUE, stateOf(invoice));
    invoice.requireDraft();
    return invoice;
  }

  private Invoice locked(UUID invoiceId) {
    return invoices
        .lock(invoiceId)
        .filter(i -> i.clinicId().equals(Catalog.clinic()))
        .orElseThrow(() -> new NotFoundException("Invoice"));
  }

  private VisitState stateOf(Invoice invoice) {
    return invoice.visitId() == null
        ? VisitState.NONE
        : frontDesk.get(new VisitId(invoice.visitId())).state();
  }
}
