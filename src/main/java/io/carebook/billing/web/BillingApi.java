package io.carebook.billing.web;

import io.carebook.billing.Billing;
import io.carebook.billing.Catalog;
import io.carebook.billing.Dues;
import io.carebook.billing.Invoice;
import io.carebook.shared.Ids;
import io.carebook.shared.Money;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.IdempotentCreate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Billing",
    description =
        "The active clinic's price list (services, tax profiles), invoices from draft to issued"
            + " (gap-free numbers, never changed after) or void, payments and refunds. Amounts"
            + " are decimal strings or numbers in the clinic's currency, with at most its"
            + " decimals; answers carry both the amount and its minor units.")
class BillingApi {

  private final Billing billing;
  private final Dues dues;
  private final Catalog catalog;
  private final io.carebook.billing.InvoiceDocuments documents;

  BillingApi(
      Billing billing, Dues dues, Catalog catalog, io.carebook.billing.InvoiceDocuments documents) {
    this.billing = billing;
    this.dues = dues;
    this.catalog = catalog;
    this.documents = documents;
  }

  record NewTaxProfile(@Nullable String name, @Nullable BigDecimal rate) {}

  @GetMapping("/api/v1/tax-profiles")
  @Operation(summary = "The active clinic's tax profiles")
  List<Catalog.TaxProfile> taxProfiles() {
    return catalog.taxProfiles();
  }

  @PostMapping("/api/v1/tax-profiles")
  @Operation(summary = "Add a tax profile: a name and a percentage (needs SETTINGS_MANAGE)")
  @IdempotentCreate
  ResponseEntity<Catalog.TaxProfile> addTaxProfile(@RequestBody NewTaxProfile body) {
    return ResponseEntity.status(201).body(catalog.addTaxProfile(body.name(), body.rate()));
  }

  @GetMapping("/api/v1/services")
  @Operation(summary = "The active clinic's billable services")
  List<Catalog.BillableService> services() {
    return catalog.services();
  }

  @PostMapping("/api/v1/services")
  @Operation(
      summary = "Add a billable service (needs SETTINGS_MANAGE)",
      description =
          "code (e.g. CONSULT), name, kind (CONSULTATION, PROCEDURE, LAB, PACKAGE, OTHER),"
              + " price, optional taxProfileId.")
  @IdempotentCreate
  ResponseEntity<Catalog.BillableService> addService(@RequestBody Catalog.NewService body) {
    return ResponseEntity.status(201).body(catalog.addService(body));
  }

  record Activity(boolean active) {}

  @PatchMapping("/api/v1/services/{id}")
  @Operation(
      summary = "Retire a service (active=false) or bring it back",
      description =
          "If-Match with the service's version (its 'version' in GET /api/v1/services, as an"
              + " ETag: \"2\") refuses a stale write (412); without it the change is applied.")
  ResponseEntity<Catalog.BillableService> setActive(
      @PathVariable String id,
      @RequestBody Activity body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    var changed = catalog.setActive(Ids.parse(id, "Service"), body.active(), ETags.sent(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
  }

  record NewInvoice(@Nullable String patientId, @Nullable String visitId) {}

  @PostMapping("/api/v1/invoices")
  @Operation(summary = "A new draft invoice for a patient, for one of their visits if given")
  @IdempotentCreate
  ResponseEntity<Invoice> draft(@RequestBody NewInvoice body) {
    if (body.patientId() == null || body.patientId().isBlank()) {
      throw ProblemException.invalid("patientId", "is required");
    }
    var invoice =
        billing.draft(
            Ids.parse(body.patientId(), "Patient"),
            body.visitId() == null || body.visitId().isBlank()
                ? null
                : Ids.parse(body.visitId(), "Visit"));
    return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id())).body(invoice);
  }

  @GetMapping("/api/v1/invoices")
  @Operation(summary = "The active clinic's invoices, newest first; one patient's with patientId")
  CursorPage<Invoice> invoices(
      @RequestParam(required = false) @Nullable String patientId,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    CursorPage.limit(limit);
    var after = CursorPage.decode(cursor); // "<created at>|<id>" of the last one shown
    var rows =
        billing.list(
            patientId == null || patientId.isBlank() ? null : Ids.parse(patientId, "Patient"),
            limit + 1,
            after == null ? null : Instant.parse(after.substring(0, after.indexOf('|'))),
            after == null ? null : UUID.fromString(after.substring(after.indexOf('|') + 1)));
    return CursorPage.ofOneMore(rows, limit, i -> i.createdAt() + "|" + i.id());
  }

  @GetMapping("/api/v1/invoices/{id}")
  @Operation(summary = "An invoice with its lines and payments")
  ResponseEntity<Invoice> invoice(@PathVariable String id) {
    var invoice = billing.get(Ids.parse(id, "Invoice"));
    return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(invoice);
  }

  /** A stale If-Match on a change of an invoice is 412; none is still accepted (v1 clients). */
  private void fresh(String id, @Nullable String ifMatch) {
    ETags.checkIfSent(ifMatch, () -> billing.get(Ids.parse(id, "Invoice")).version());
  }

  @GetMapping("/api/v1/invoices/{id}/pdf")
  @Operation(
      summary = "An issued invoice as a PDF, with its payments (the receipt)",
      description = "In lang (en, es, ar) if given, else the clinic's language.")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id, @RequestParam(required = false) @Nullable String lang) {
    return pdfOf(
        documents.pdf(
            Ids.parse(id, "Invoice"), lang == null ? null : java.util.Locale.forLanguageTag(lang)));
  }

  static ResponseEntity<byte[]> pdfOf(byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=invoice.pdf")
        .body(pdf);
  }

  @PostMapping("/api/v1/invoices/{id}/lines")
  @Operation(
      summary = "Add a line to a draft",
      description =
          "A serviceId (its name, price and tax), or a description and unitPrice; quantity"
              + " (default 1); a discount as discountPercent or discountAmount, with a"
              + " discountReason. More than 10% off needs a role that may void invoices.")
  ResponseEntity<Invoice> addLine(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody Billing.NewLine body) {
    fresh(id, ifMatch);
    return ResponseEntity.status(201).body(billing.addLine(Ids.parse(id, "Invoice"), body));
  }

  @DeleteMapping("/api/v1/invoices/{id}/lines/{line}")
  @Operation(summary = "Remove a line from a draft")
  Invoice removeLine(
      @PathVariable String id,
      @PathVariable String line,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    fresh(id, ifMatch);
    return billing.removeLine(Ids.parse(id, "Invoice"), Ids.parse(line, "Line"));
  }

  @PostMapping("/api/v1/invoices/{id}/issue")
  @Operation(
      summary = "Issue a draft",
      description = "It takes the next number of the clinic's series and never changes again.")
  Invoice issue(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    fresh(id, ifMatch);
    return billing.issue(Ids.parse(id, "Invoice"));
  }

  record Reason(@Nullable String reason) {}

  @PostMapping("/api/v1/invoices/{id}/void")
  @Operation(summary = "Void an invoice with a reason (needs INVOICE_VOID; refund payments first)")
  Invoice voidInvoice(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) @Nullable Reason body) {
    fresh(id, ifMatch);
    return billing.voidInvoice(Ids.parse(id, "Invoice"), body == null ? null : body.reason());
  }

  record Credit(@Nullable BigDecimal amount, @Nullable String reason) {}

  @PostMapping("/api/v1/invoices/{id}/credit-notes")
  @Operation(
      summary = "Correct an issued invoice by a credit note (needs INVOICE_VOID)",
      description =
          "amount (tax included) up to what is not yet credited, and a reason. The note is numbered"
              + " in the CN series; the invoice's balance falls by the amount, and refundDue shows"
              + " what to give back if the patient had paid more than they now owe.")
  ResponseEntity<Invoice> credit(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody Credit body) {
    fresh(id, ifMatch);
    return ResponseEntity.status(201)
        .body(billing.credit(Ids.parse(id, "Invoice"), body.amount(), body.reason()));
  }

  @PostMapping("/api/v1/invoices/{id}/payments")
  @Operation(
      summary = "Record money received against an issued invoice",
      description =
          "method: CASH, CARD, BANK_TRANSFER, WALLET (methodNote names it) or ONLINE; amount up"
              + " to what is owed; partial payments add up.")
  ResponseEntity<Invoice> pay(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody Billing.NewPayment body) {
    fresh(id, ifMatch);
    return ResponseEntity.status(201).body(billing.pay(Ids.parse(id, "Invoice"), body));
  }

  @PostMapping("/api/v1/invoices/{id}/refunds")
  @Operation(summary = "Give money back (needs REFUND): up to what was paid, with a reason")
  ResponseEntity<Invoice> refund(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody Billing.NewPayment body) {
    fresh(id, ifMatch);
    return ResponseEntity.status(201).body(billing.refund(Ids.parse(id, "Invoice"), body));
  }

  @GetMapping("/api/v1/dues")
  @Operation(
      summary = "What patients owe the active clinic on issued invoices: most first, and the total")
  DuesPage dues(
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    CursorPage.limit(limit);
    var after = CursorPage.decode(cursor); // "<owed>|<patient> <currency>" of the last one shown
    var rows =
        dues.outstanding(
            limit + 1,
            after == null ? null : Long.parseLong(after.substring(0, after.indexOf('|'))),
            after == null ? null : after.substring(after.indexOf('|') + 1));
    var page =
        CursorPage.ofOneMore(
            rows,
            limit,
            o ->
                o.owed().minor()
                    + "|"
                    + o.patientId()
                    + " "
                    + o.owed().currency().getCurrencyCode());
    return new DuesPage(page.items(), page.next(), dues.total());
  }

  /** A page of what patients owe, and the total of all of it. */
  record DuesPage(List<Dues.Owed> items, @Nullable String next, Money total) {}
}
