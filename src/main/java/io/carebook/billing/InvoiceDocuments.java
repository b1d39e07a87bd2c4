package io.carebook.billing;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientLanguages;
import io.carebook.shared.ProblemException;
import io.carebook.shared.pdf.PdfDocuments;
import io.carebook.shared.pdf.TextDirection;
import io.carebook.tenancy.Organizations;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An issued invoice as a printable PDF, with its payments so it serves as the receipt too, in the
 * patient's language (English, Spanish or Arabic, shaped and right to left) or else the clinic's,
 * whatever the language of the page it was printed from.
 */
@Service
public class InvoiceDocuments {

  private final Billing billing;
  private final Organizations organizations;
  private final PatientDirectory patients;
  private final ITemplateEngine templates;
  private final io.carebook.audit.AuditTrail audit;
  private final ObjectProvider<PatientLanguages> languages;

  InvoiceDocuments(
      Billing billing,
      Organizations organizations,
      PatientDirectory patients,
      ITemplateEngine templates,
      io.carebook.audit.AuditTrail audit,
      ObjectProvider<PatientLanguages> languages) {
    this.audit = audit;
    this.languages = languages;
    this.billing = billing;
    this.organizations = organizations;
    this.patients = patients;
    this.templates = templates;
  }

  /**
   * The PDF of an issued invoice of the active clinic (PATIENT_VIEW); the read and its entry in the
   * access log commit together, as for a chart.
   */
  @Transactional
  public byte[] pdf(UUID invoiceId, @Nullable Locale asked) {
    var invoice = billing.get(invoiceId);
    if (invoice.status() == Invoice.Status.DRAFT) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "invoice-not-issued", "Only an issued invoice can be printed.");
    }
    audit.viewed("invoices", invoiceId.toString(), invoice.patientId());
    return render(invoice, asked);
  }

  /** The PDF of an invoice already read (and allowed); in the tenant's transaction. */
  byte[] render(Invoice invoice, @Nullable Locale asked) {
    var clinic = organizations.find(invoice.clinicId()).orElseThrow();
    var patientId = new PatientId(invoice.patientId());
    var chosen = languages.getIfAvailable();
    var locale =
        PatientLanguages.forDocument(
            asked, chosen == null ? null : chosen.of(patientId), clinic.locale());
    var context = new Context(locale);
    context.setVariable("rtl", locale.getLanguage().equals("ar"));
    context.setVariable("lang", locale.getLanguage());
    context.setVariable("dir", TextDirection.INSTANCE);
    context.setVariable("clinic", clinic);
    context.setVariable("invoice", invoice);
    context.setVariable("patient", patients.get(patientId));
    context.setVariable("locale", locale);
    context.setVariable("amounts", new PrintedAmounts(locale));
    context.setVariable(
        "issued",
        invoice.issuedAt() == null
            ? ""
            : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(invoice.issuedAt().atZone(clinic.timezone())));
    return PdfDocuments.render(templates.process("billing/invoice-pdf", context), locale);
  }
}
