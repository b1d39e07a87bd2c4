package io.carebook.billing;

import io.carebook.billing.Invoice.Payment;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.identity.DoctorProfiles;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.Money;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of billing: invoices of the active clinic from draft to issued (or void), and the
 * money received and refunded against them.
 *
 * <p>Who may do what is the permission matrix, asked in the state of the invoice's visit (NONE for
 * an invoice of no visit): INVOICE_ISSUE to draft, edit and issue, INVOICE_VOID to void,
 * PAYMENT_RECORD to take money, REFUND to give it back. A discount of more than {@value
 * #FREE_DISCOUNT_PERCENT}% of a line needs a role that may also void invoices. Money is taken
 * against issued invoices only, never more than is owed; refunds never exceed what was paid.
 */
@Service
public class Billing {

  /** The largest discount, in percent of a line, that anyone who may bill can give. */
  static final int FREE_DISCOUNT_PERCENT = 10;

  private final Invoices invoices;
  private final Catalog catalog;
  private final FrontDesk frontDesk;
  private final PatientDirectory patients;
  private final DoctorProfiles doctors;
  private final io.carebook.identity.Staff staff;
  private final io.carebook.tenancy.Organizations organizations;
  private final Permissions permissions;
  private final Clock clock;

  Billing(
      Invoices invoices,
      Catalog catalog,
      FrontDesk frontDesk,
      PatientDirectory patients,
      DoctorProfiles doctors,
      io.carebook.identity.Staff staff,
      io.carebook.tenancy.Organizations organizations,
      Permissions permissions,
      Clock clock) {
    this.invoices = invoices;
    this.catalog = catalog;
    this.frontDesk = frontDesk;
    this.patients = patients;
    this.doctors = doctors;
    this.staff = staff;
    this.organizations = organizations;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** A new draft invoice for a patient, for one of their visits of the clinic if given. */
  @Transactional
  public Invoice draft(UUID patientId, @Nullable UUID visitId) {
    patients.get(new PatientId(patientId));
    var state = VisitState.NONE;
    if (visitId != null) {
      var visit = frontDesk.get(visitId);
      if (!visit.patientId().equals(patientId)) {
        throw ProblemException.invalid("visitId", "is a visit of another patient");
      }
      state = visit.state();
      if (invoices.ofVisit(visitId).isPresent()) {
        throw Catalog.conflict("visit-invoiced", "This visit already has an invoice.");
      }
    }
    permissions.require(Action.INVOICE_ISSUE, state);
    var id = UUID.randomUUID();
    if (!invoices.insertDraft(
        id, Catalog.clinic(), patientId, visitId, catalog.currency(), currentUser())) {
      throw Catalog.conflict("visit-invoiced", "This visit already has an invoice.");
    }
    return invoices.find(id).orElseThrow();
  }

  /**
   * The invoice of a visit of the active clinic: the one it has, else its draft made now as when
   * the visit is done (the page asks for it as soon as the visit is done, maybe before the draft
   * made on the visit's completion).
   */
  @Transactional
  public Invoice ofVisit(UUID visitId) {
    var visit = frontDesk.get(visitId);
    permissions.require(Action.INVOICE_ISSUE, visit.state());
    var existing = invoices.ofVisit(visitId);
    if (existing.isPresent()) {
      return invoices.find(existing.get()).orElseThrow();
    }
    draftForVisit(visitId, visit.patientId(), visit.doctorId());
    return invoices.find(invoices.ofVisit(visitId).orElseThrow()).orElseThrow();
  }

  /**
   * The draft of a visit just done, by the system: its consultation at the doctor's fee (or the
   * clinic's consultation service), unless the visit already has an invoice.
   */
  public void draftForVisit(UUID visitId, UUID patientId, @Nullable UUID doctorId) {
    if (invoices.ofVisit(visitId).isPresent()) {
      return;
    }
    var fee = fee(doctorId);
    var id = UUID.randomUUID();
    if (!invoices.insertDraft(
        id, Catalog.clinic(), patientId, visitId, catalog.currency(), currentUser())) {
      return; // drafted at this instant by the page or by the visit's completion
    }
    var consultation =
        catalog.services().stream()
            .filter(s -> s.active() && s.kind() == Catalog.Kind.CONSULTATION)
            .findFirst();
    if (fee != null && fee.currency().equals(catalog.currency())) {
      var rate = consultation.map(Catalog.BillableService::taxRate).orElse(BigDecimal.ZERO);
      addLine(
          id,
          consultation.map(Catalog.BillableService::id).orElse(null),
          "Consultation",
          1,
          fee,
          Totals.Discount.NONE,
          null,
          rate);
    } else if (consultation.isPresent()) {
      var s = consultation.get();
      addLine(id, s.id(), s.name(), 1, s.price(), Totals.Discount.NONE, null, s.taxRate());
    }
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
      return Money.of(
          profile.consultationFee(), java.util.Currency.getInstance(profile.currency()));
    } catch (NotFoundException | IllegalArgumentException e) {
      return null; // no longer a doctor here, or a fee finer than the currency allows
    }
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
    var currency = invoice.total().currency();
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
    var description =
        line.description() != null && !line.description().isBlank()
            ? line.description().strip()
            : service == null ? null : service.name();
    if (description == null || description.length() > 200) {
      throw ProblemException.invalid("description", "is required (at most 200 characters)");
    }
    var quantity = line.quantity() == null ? 1 : line.quantity();
    if (quantity < 1 || quantity > 1000) {
      throw ProblemException.invalid("quantity", "must be between 1 and 1000");
    }
    var price =
        line.unitPrice() != null
            ? Catalog.money(line.unitPrice(), "unitPrice", currency)
            : service == null ? null : service.price();
    if (price == null) {
      throw ProblemException.invalid("unitPrice", "is required for a line that is not a service");
    }
    Totals.Discount discount = Totals.Discount.NONE;
    if (line.discountPercent() != null && line.discountAmount() != null) {
      throw ProblemException.invalid("discountAmount", "give a percentage or an amount, not both");
    }
    if (line.discountPercent() != null) {
      if (line.discountPercent().signum() < 0
          || line.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
        throw ProblemException.invalid("discountPercent", "must be between 0 and 100");
      }
      discount = new Totals.Discount.Percent(line.discountPercent());
    } else if (line.discountAmount() != null) {
      discount =
          new Totals.Discount.Amount(
              Catalog.money(line.discountAmount(), "discountAmount", currency).minor());
    }
    var rate = service == null ? BigDecimal.ZERO : service.taxRate();
    return addLine(
        invoiceId,
        service == null ? null : service.id(),
        description,
        quantity,
        price,
        discount,
        line.discountReason(),
        rate);
  }

  private Invoice addLine(
      UUID invoiceId,
      @Nullable UUID serviceId,
      String description,
      int quantity,
      Money price,
      Totals.Discount discount,
      @Nullable String discountReason,
      BigDecimal taxRate) {
    Totals.Line figures;
    try {
      figures = Totals.line(quantity, price.minor(), discount, taxRate);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("discountAmount", "is more than the line");
    }
    if (figures.discount() > 0) {
      if (discountReason == null || discountReason.isBlank()) {
        throw ProblemException.invalid("discountReason", "is required with a discount");
      }
      if (figures.discount() * 100 > figures.gross() * FREE_DISCOUNT_PERCENT
          && TenantContext.current().map(TenantContext.Scope::user).isPresent()
          && !permissions.allows(Action.INVOICE_VOID, VisitState.NONE)
          && !permissions.allows(Action.INVOICE_VOID, VisitState.DONE)) {
        throw new ProblemException(
                HttpStatus.FORBIDDEN,
                "discount-limit",
                "A discount of more than " + FREE_DISCOUNT_PERCENT + "% needs a manager.")
            .property("limitPercent", FREE_DISCOUNT_PERCENT);
      }
    }
    var currency = price.currency();
    var newLine =
        new Invoice.Line(
            UUID.randomUUID(),
            invoices.nextPosition(invoiceId),
            serviceId,
            description,
            quantity,
            price,
            new Money(figures.discount(), currency),
            figures.discount() > 0 ? discountReason.strip() : null,
            taxRate,
            new Money(figures.tax(), currency),
            new Money(figures.total(), currency));
    invoices.insertLine(invoiceId, newLine);
    return resum(invoiceId);
  }

  @Transactional
  public Invoice removeLine(UUID invoiceId, UUID lineId) {
    editable(invoiceId);
    if (!invoices.deleteLine(invoiceId, lineId)) {
      throw new NotFoundException("Line");
    }
    return resum(invoiceId);
  }

  /** Issues a draft with the next number of the clinic's series; from then on it never changes. */
  @Transactional
  public Invoice issue(UUID invoiceId) {
    var invoice = editable(invoiceId);
    if (invoice.lines().isEmpty()) {
      throw Catalog.conflict("invoice-empty", "An invoice needs at least one line to be issued.");
    }
    var number = invoices.nextNumber(invoice.clinicId(), Invoices.INVOICE_SERIES);
    invoices.issue(invoiceId, number, clock.instant(), currentUser());
    return invoices.find(invoiceId).orElseThrow();
  }

  @Transactional
  public Invoice voidInvoice(UUID invoiceId, String reason) {
    var invoice = locked(invoiceId);
    permissions.require(Action.INVOICE_VOID, stateOf(invoice));
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    if (invoice.status() == Invoice.Status.VOID) {
      throw Catalog.conflict("invoice-void", "This invoice is already void.");
    }
    if (!invoice.creditNotes().isEmpty()) {
      throw Catalog.conflict(
          "invoice-credited", "This invoice has credit notes; credit the rest instead of voiding.");
    }
    if (invoice.paid().minor() > 0) {
      throw Catalog.conflict("invoice-paid", "Refund the payments before voiding this invoice.");
    }
    invoices.voidInvoice(invoiceId, reason.strip(), clock.instant(), currentUser());
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
    issued(invoice);
    var money = Catalog.money(amount, "amount", invoice.total().currency());
    if (money.minor() == 0) {
      throw ProblemException.invalid("amount", "must be more than 0");
    }
    var creditable = invoice.total().minus(invoice.credited());
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
    var number = invoices.nextNumber(invoice.clinicId(), Invoices.CREDIT_SERIES);
    invoices.insertCreditNote(
        invoiceId,
        invoice.clinicId(),
        number,
        new Invoice.CreditNote(
            UUID.randomUUID(),
            "",
            money,
            new Money(
                Totals.creditTax(
                    invoice.credited().minor(),
                    invoice.creditNotes().stream().mapToLong(c -> c.tax().minor()).sum(),
                    money.minor(),
                    invoice.tax().minor(),
                    invoice.total().minor()),
                money.currency()),
            reason.strip(),
            clock.instant(),
            currentUser()));
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
    issued(invoice);
    var amount = amount(payment, invoice);
    if (amount.minor() > invoice.balance().minor()) {
      throw ProblemException.invalid("amount", "is more than is owed (" + invoice.balance() + ")");
    }
    record(invoice, Payment.Kind.PAYMENT, payment, amount);
    return invoices.find(invoiceId).orElseThrow();
  }

  @Transactional
  public Invoice refund(UUID invoiceId, NewPayment refund) {
    var invoice = locked(invoiceId);
    permissions.require(Action.REFUND, stateOf(invoice));
    issued(invoice);
    var amount = amount(refund, invoice);
    if (amount.minor() > invoice.paid().minor()) {
      throw ProblemException.invalid("amount", "is more than was paid (" + invoice.paid() + ")");
    }
    if (!RefundRule.leavesTheInvoiceConsistent(invoice, amount)) {
      throw ProblemException.invalid(
          "amount",
          "is more than is due back ("
              + invoice.refundDue()
              + ") and less than all that was paid ("
              + invoice.paid()
              + "): credit the invoice first, or refund everything to void it");
    }
    if (refund.reason() == null || refund.reason().isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    record(invoice, Payment.Kind.REFUND, refund, amount);
    return invoices.find(invoiceId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Invoice get(UUID invoiceId) {
    permissions.require(Action.PATIENT_VIEW);
    return invoices
        .find(invoiceId)
        .filter(i -> i.clinicId().equals(Catalog.clinic()))
        .orElseThrow(() -> new NotFoundException("Invoice"));
  }

  /** The active clinic's invoices, newest first; one patient's if given. */
  @Transactional(readOnly = true)
  public List<Invoice> list(@Nullable UUID patientId, int limit) {
    permissions.require(Action.PATIENT_VIEW);
    return invoices.list(Catalog.clinic(), patientId, Math.clamp(limit, 1, 200));
  }

  /** What patients owe the active clinic on issued invoices, most first. */
  public record Owed(UUID patientId, Money owed, int invoices) {}

  @Transactional(readOnly = true)
  public List<Owed> outstanding(int limit) {
    permissions.require(Action.PATIENT_VIEW);
    return invoices.outstanding(Catalog.clinic(), Math.clamp(limit, 1, 200)).stream()
        .map(o -> new Owed(o.patientId(), o.owed(), o.invoices()))
        .toList();
  }

  /** What was billed for one service over a period: how many, and how much. */
  public record ServiceTakings(String name, int quantity, Money total) {}

  /**
   * The active clinic's takings per clinic-local day from {@code from} to {@code to} inclusive:
   * money taken less money given back, every day present (zero when nothing), for reports.
   */
  @Transactional(readOnly = true)
  public java.util.SortedMap<java.time.LocalDate, Money> takingsByDay(
      java.time.LocalDate from, java.time.LocalDate to) {
    permissions.require(Action.REPORTS_VIEW);
    var zone = organizations.activeClinic().timezone();
    var found =
        invoices.takingsByDay(
            Catalog.clinic(),
            zone,
            from.atStartOfDay(zone).toInstant(),
            to.plusDays(1).atStartOfDay(zone).toInstant());
    var days = new java.util.TreeMap<java.time.LocalDate, Money>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.put(day, new Money(found.getOrDefault(day, 0L), catalog.currency()));
    }
    return days;
  }

  /** What issued invoices of the period billed per service, most first (REPORTS_VIEW). */
  @Transactional(readOnly = true)
  public List<ServiceTakings> byService(java.time.LocalDate from, java.time.LocalDate to) {
    permissions.require(Action.REPORTS_VIEW);
    var zone = organizations.activeClinic().timezone();
    return invoices.byService(
        Catalog.clinic(),
        from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(),
        8);
  }

  /** All that patients owe the active clinic on issued invoices. */
  @Transactional(readOnly = true)
  public Money totalOutstanding() {
    permissions.require(Action.PATIENT_VIEW);
    return new Money(invoices.totalOwed(Catalog.clinic()), catalog.currency());
  }

  /**
   * The day-end cash report of the active clinic: for each member who took money that clinic-local
   * day, per method, what they took, what they gave back and what they should hand over.
   */
  public record CashReport(java.time.LocalDate day, List<Cashier> cashiers, Money total) {}

  public record Cashier(@Nullable UUID memberId, String name, List<CashLine> lines, Money net) {}

  public record CashLine(
      Payment.Method method, Money taken, Money returned, Money net, int entries) {}

  /** Today in the active clinic's time zone. */
  @Transactional(readOnly = true)
  public java.time.LocalDate today() {
    return clock.instant().atZone(organizations.activeClinic().timezone()).toLocalDate();
  }

  @Transactional(readOnly = true)
  public CashReport cash(java.time.LocalDate day) {
    permissions.require(Action.PAYMENT_RECORD);
    var zone = organizations.activeClinic().timezone();
    var rows =
        invoices.cash(
            Catalog.clinic(),
            day.atStartOfDay(zone).toInstant(),
            day.plusDays(1).atStartOfDay(zone).toInstant());
    var names = staffNames();
    var zero = Money.zero(catalog.currency());
    var cashiers = new java.util.ArrayList<Cashier>();
    var byMember = new java.util.LinkedHashMap<@Nullable UUID, List<Invoices.CashRow>>();
    rows.forEach(
        r -> byMember.computeIfAbsent(r.member(), m -> new java.util.ArrayList<>()).add(r));
    var total = zero;
    for (var entry : byMember.entrySet()) {
      var lines =
          entry.getValue().stream()
              .map(
                  r ->
                      new CashLine(
                          r.method(),
                          r.taken(),
                          r.returned(),
                          r.taken().minus(r.returned()),
                          r.entries()))
              .toList();
      var net = lines.stream().map(CashLine::net).reduce(zero, Money::plus);
      total = total.plus(net);
      cashiers.add(
          new Cashier(
              entry.getKey(),
              entry.getKey() == null ? "" : names.getOrDefault(entry.getKey(), ""),
              lines,
              net));
    }
    return new CashReport(day, cashiers, total);
  }

  private java.util.Map<UUID, String> staffNames() {
    return staff.members().stream()
        .collect(
            java.util.stream.Collectors.toMap(m -> m.userId().value(), m -> m.name(), (a, b) -> a));
  }

  /**
   * Money a payment provider says it took for an invoice (by the system, after its verified event):
   * recorded once per provider reference, even when it is more than is owed now (the desk may have
   * taken cash meanwhile; the excess shows and can be refunded).
   */
  void recordOnline(UUID invoiceId, long minor, @Nullable String reference) {
    recordOnline(invoiceId, minor, reference, "Stripe");
  }

  /** As above, the payment's method naming {@code provider}, which took it. */
  void recordOnline(UUID invoiceId, long minor, @Nullable String reference, String provider) {
    var invoice = invoices.lock(invoiceId).orElse(null);
    if (invoice == null || minor <= 0 || invoice.status() != Invoice.Status.ISSUED) {
      return;
    }
    if (reference != null
        && invoice.payments().stream().anyMatch(p -> reference.equals(p.reference()))) {
      return;
    }
    invoices.insertPayment(
        invoice.id(),
        invoice.clinicId(),
        new Payment(
            UUID.randomUUID(),
            Payment.Kind.PAYMENT,
            Payment.Method.ONLINE,
            provider,
            new Money(minor, invoice.total().currency()),
            reference,
            null,
            clock.instant(),
            null));
  }

  private void record(Invoice invoice, Payment.Kind kind, NewPayment payment, Money amount) {
    Payment.Method method;
    try {
      method =
          Payment.Method.valueOf(
              payment.method() == null ? "" : payment.method().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "method", "must be CASH, CARD, BANK_TRANSFER, WALLET or ONLINE");
    }
    invoices.insertPayment(
        invoice.id(),
        invoice.clinicId(),
        new Payment(
            UUID.randomUUID(),
            kind,
            method,
            blankToNull(payment.methodNote()),
            amount,
            blankToNull(payment.reference()),
            kind == Payment.Kind.REFUND ? payment.reason().strip() : null,
            clock.instant(),
            currentUser()));
  }

  private static Money amount(NewPayment payment, Invoice invoice) {
    var amount = Catalog.money(payment.amount(), "amount", invoice.total().currency());
    if (amount.minor() == 0) {
      throw ProblemException.invalid("amount", "must be more than 0");
    }
    return amount;
  }

  private static void issued(Invoice invoice) {
    if (invoice.status() != Invoice.Status.ISSUED) {
      throw Catalog.conflict(
          "invoice-not-issued",
          "Money is taken against issued invoices; this one is "
              + invoice.status().name().toLowerCase(Locale.ROOT)
              + ".");
    }
  }

  private Invoice editable(UUID invoiceId) {
    var invoice = locked(invoiceId);
    permissions.require(Action.INVOICE_ISSUE, stateOf(invoice));
    if (invoice.status() != Invoice.Status.DRAFT) {
      throw Catalog.conflict("invoice-issued", "An issued invoice cannot change; void it instead.");
    }
    return invoice;
  }

  private Invoice locked(UUID invoiceId) {
    return invoices
        .lock(invoiceId)
        .filter(i -> i.clinicId().equals(Catalog.clinic()))
        .orElseThrow(() -> new NotFoundException("Invoice"));
  }

  private VisitState stateOf(Invoice invoice) {
    return invoice.visitId() == null ? VisitState.NONE : frontDesk.get(invoice.visitId()).state();
  }

  private Invoice resum(UUID invoiceId) {
    var lines = invoices.find(invoiceId).orElseThrow().lines();
    invoices.writeSums(
        invoiceId,
        Totals.sum(
            lines.stream()
                .map(
                    l ->
                        new Totals.Line(
                            l.unitPrice().minor() * l.quantity(),
                            l.discount().minor(),
                            l.tax().minor(),
                            l.total().minor()))
                .toList()));
    return invoices.find(invoiceId).orElseThrow();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static @Nullable UUID currentUser() {
    return TenantContext.current().map(TenantContext.Scope::user).map(UserId::value).orElse(null);
  }
}
