package io.carebook.billing.web;

import io.carebook.billing.Billing;
import io.carebook.billing.Catalog;
import io.carebook.billing.Dues;
import io.carebook.billing.Invoice;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing pages: recent invoices and what patients owe; one invoice to fill in, issue, take
 * money against, refund or void; and the clinic's price list. Every form posts and comes back with
 * a message; a refused form says why and keeps nothing half-done.
 */
@Controller
class BillingPages {

  private final Billing billing;
  private final Dues dues;
  private final Catalog catalog;
  private final PatientDirectory patients;
  private final Permissions permissions;
  private final io.carebook.billing.Usage usage;
  private final io.carebook.billing.PaymentProviders providers;
  private final io.carebook.billing.InvoiceDocuments documents;
  private final io.carebook.billing.InvoiceCopies copies;

  BillingPages(
      Billing billing,
      Dues dues,
      Catalog catalog,
      PatientDirectory patients,
      Permissions permissions,
      io.carebook.billing.Usage usage,
      io.carebook.billing.PaymentProviders providers,
      io.carebook.billing.InvoiceDocuments documents,
      io.carebook.billing.InvoiceCopies copies) {
    this.billing = billing;
    this.dues = dues;
    this.catalog = catalog;
    this.patients = patients;
    this.permissions = permissions;
    this.usage = usage;
    this.providers = providers;
    this.documents = documents;
    this.copies = copies;
  }

  @GetMapping("/billing")
  String overview(Model model) {
    var invoices = billing.list(null, 50);
    var owed = dues.outstanding(20);
    model.addAttribute("invoices", invoices);
    model.addAttribute("dues", owed);
    model.addAttribute("owedTotal", dues.total());
    model.addAttribute(
        "names",
        patients.names(
            Stream.concat(
                    invoices.stream().map(Invoice::patientId),
                    owed.stream().map(Dues.Owed::patientId))
                .toList()));
    model.addAttribute("mayEditCatalog", permissions.allows(Action.SETTINGS_MANAGE));
    return "billing/overview";
  }

  /** The invoice of a visit: its own if it has one, else its draft made now. */
  @GetMapping("/billing/visits/{visitId}")
  String ofVisit(@PathVariable UUID visitId, RedirectAttributes redirect) {
    try {
      return "redirect:/billing/invoices/" + billing.ofVisit(visitId).id();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
      return "redirect:/billing";
    }
  }

  @PostMapping("/billing/invoices")
  String draft(@RequestParam UUID patientId, RedirectAttributes redirect) {
    try {
      return "redirect:/billing/invoices/" + billing.draft(patientId, null).id();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
      return "redirect:/patients/" + patientId;
    }
  }

  @GetMapping("/billing/invoices/{id}")
  String invoice(@PathVariable UUID id, Model model) {
    var invoice = billing.get(id);
    var state = VisitState.DONE;
    model.addAttribute("invoice", invoice);
    model.addAttribute(
        "patient",
        patients.names(List.of(invoice.patientId())).getOrDefault(invoice.patientId(), ""));
    model.addAttribute(
        "services", catalog.services().stream().filter(Catalog.BillableService::active).toList());
    model.addAttribute("methods", Invoice.Payment.Method.values());
    model.addAttribute("mayEdit", may(Action.INVOICE_ISSUE, invoice, state));
    model.addAttribute("mayPay", may(Action.PAYMENT_RECORD, invoice, state));
    model.addAttribute(
        "paymentLinks", providers.paymentLinks(invoice.total().currency().getCurrencyCode()));
    model.addAttribute("mayRefund", may(Action.REFUND, invoice, state));
    model.addAttribute("mayVoid", may(Action.INVOICE_VOID, invoice, state));
    return "billing/invoice";
  }

  @GetMapping("/billing/invoices/{id}/pdf")
  org.springframework.http.ResponseEntity<byte[]> pdf(
      @PathVariable UUID id, @RequestParam(required = false) @Nullable String lang) {
    return BillingApi.pdfOf(
        documents.pdf(id, lang == null ? null : java.util.Locale.forLanguageTag(lang)));
  }

  @PostMapping("/billing/invoices/{id}/lines")
  String addLine(
      @PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "lineAdded",
        () -> {
          var service =
              blank(form.get("serviceId")) ? null : UUID.fromString(form.get("serviceId"));
          billing.addLine(
              id,
              new Billing.NewLine(
                  service,
                  form.get("description"),
                  blank(form.get("quantity"))
                      ? null
                      : Integer.valueOf(form.get("quantity").strip()),
                  decimal(form.get("unitPrice")),
                  decimal(form.get("discountPercent")),
                  null,
                  form.get("discountReason")));
        });
  }

  @PostMapping("/billing/invoices/{id}/lines/{line}/remove")
  String removeLine(@PathVariable UUID id, @PathVariable UUID line, RedirectAttributes redirect) {
    return act(id, redirect, "lineRemoved", () -> billing.removeLine(id, line));
  }

  @PostMapping("/billing/invoices/{id}/issue")
  String issue(@PathVariable UUID id, RedirectAttributes redirect) {
    return act(id, redirect, "issued", () -> billing.issue(id));
  }

  @PostMapping("/billing/invoices/{id}/payments")
  String pay(
      @PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    return act(id, redirect, "paid", () -> billing.pay(id, payment(form)));
  }

  @PostMapping("/billing/invoices/{id}/payment-link")
  String paymentLink(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("paymentLink", providers.paymentLink(id, null).toString());
      redirect.addFlashAttribute("done", "linkSent");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/billing/invoices/" + id;
  }

  @PostMapping("/billing/invoices/{id}/refunds")
  String refund(
      @PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    return act(id, redirect, "refunded", () -> billing.refund(id, payment(form)));
  }

  @PostMapping("/billing/invoices/{id}/send")
  String send(@PathVariable UUID id, RedirectAttributes redirect) {
    return act(id, redirect, "sent", () -> copies.send(id));
  }

  @PostMapping("/billing/invoices/{id}/credit-notes")
  String credit(
      @PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "credited",
        () -> billing.credit(id, decimal(form.get("amount")), form.get("reason")));
  }

  @PostMapping("/billing/invoices/{id}/void")
  String voidInvoice(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return act(id, redirect, "voided", () -> billing.voidInvoice(id, reason));
  }

  @GetMapping("/billing/subscription")
  String subscription(@RequestParam(required = false) @Nullable String checkout, Model model) {
    model.addAttribute("report", usage.report());
    model.addAttribute("plans", io.carebook.tenancy.Plan.values());
    model.addAttribute("checkout", checkout);
    var mayManage = permissions.allows(Action.SUBSCRIPTION_MANAGE);
    model.addAttribute("mayManage", mayManage);
    // per plan, the providers that take it here, the one used by default first
    var offers =
        new java.util.LinkedHashMap<
            io.carebook.tenancy.Plan,
            java.util.List<io.carebook.billing.PaymentProviders.Provider>>();
    for (var plan : io.carebook.tenancy.Plan.values()) {
      var offering =
          mayManage
              ? providers.offering(plan)
              : java.util.List.<io.carebook.billing.PaymentProviders.Provider>of();
      if (!offering.isEmpty()) {
        offers.put(plan, offering);
      }
    }
    model.addAttribute("offers", offers);
    return "billing/subscription";
  }

  @PostMapping("/billing/subscription/checkout")
  String checkout(
      @RequestParam String plan,
      @RequestParam(required = false) @Nullable String provider,
      RedirectAttributes redirect) {
    try {
      return "redirect:"
          + providers.checkout(
              io.carebook.tenancy.Plan.valueOf(plan),
              io.carebook.billing.PaymentProviders.Provider.named(provider, "provider"));
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
    }
    return "redirect:/billing/subscription";
  }

  @GetMapping("/billing/services")
  String services(Model model) {
    permissions.require(Action.PATIENT_VIEW);
    model.addAttribute("services", catalog.services());
    model.addAttribute("taxProfiles", catalog.taxProfiles());
    model.addAttribute("kinds", Catalog.Kind.values());
    model.addAttribute("mayEdit", permissions.allows(Action.SETTINGS_MANAGE));
    return "billing/services";
  }

  @PostMapping("/billing/services")
  String addService(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    try {
      catalog.addService(
          new Catalog.NewService(
              form.get("code"),
              form.get("name"),
              form.get("kind"),
              decimal(form.get("price")),
              blank(form.get("taxProfileId")) ? null : UUID.fromString(form.get("taxProfileId"))));
      redirect.addFlashAttribute("done", "serviceAdded");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
      redirect.addFlashAttribute("fields", fields(e));
      redirect.addFlashAttribute("typed", new java.util.HashMap<>(form));
    }
    return "redirect:/billing/services";
  }

  @PostMapping("/billing/tax-profiles")
  String addTaxProfile(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String rate,
      RedirectAttributes redirect) {
    try {
      catalog.addTaxProfile(name, decimal(rate));
      redirect.addFlashAttribute("done", "taxAdded");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
      redirect.addFlashAttribute("fields", fields(e));
    }
    return "redirect:/billing/services";
  }

  @PostMapping("/billing/services/{id}/active")
  String setActive(
      @PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
    try {
      catalog.setActive(id, active);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/billing/services";
  }

  private boolean may(Action action, Invoice invoice, VisitState doneState) {
    return permissions.allows(action, invoice.visitId() == null ? VisitState.NONE : doneState);
  }

  private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("done", done);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
      redirect.addFlashAttribute("fields", fields(e));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
    }
    return "redirect:/billing/invoices/" + id;
  }

  private static Billing.NewPayment payment(Map<String, String> form) {
    return new Billing.NewPayment(
        form.get("method"),
        decimal(form.get("amount")),
        form.get("methodNote"),
        form.get("reference"),
        form.get("reason"));
  }

  /** The names of the fields a problem is about (kept in the session: plain strings). */
  private static java.util.ArrayList<String> fields(ProblemException e) {
    return new java.util.ArrayList<>(
        e.errors().stream().map(ProblemException.FieldError::field).distinct().toList());
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static @Nullable BigDecimal decimal(@Nullable String value) {
    if (blank(value)) {
      return null;
    }
    // the digits people type, Arabic-Indic included, with a comma or a point for decimals
    var normalized = new StringBuilder();
    for (var c : value.strip().toCharArray()) {
      if (Character.isDigit(c)) {
        normalized.append(Character.digit(c, 10));
      } else if (c == ',' || c == '.' || c == '٫') {
        normalized.append('.');
      } else if (c != ' ' && c != '٬') {
        normalized.append(c);
      }
    }
    return new BigDecimal(normalized.toString());
  }
}
