package io.carebook.fhir;

import io.carebook.billing.Billing;
import io.carebook.billing.Invoice;
import io.carebook.shared.Money;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Invoice.InvoicePriceComponentType;
import org.hl7.fhir.r4.model.Invoice.InvoiceStatus;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The caller's clinic's invoices (PATIENT_VIEW, as billing's API): a draft is {@code draft}, an
 * issued one {@code issued} until nothing is owed ({@code balanced}), a voided one {@code
 * cancelled}. Each line's unit price, discount and tax are its price components.
 */
@Component
class InvoiceResources implements ResourceType {

  private static final Map<String, InvoiceStatus> STATUSES =
      Map.of(
          "draft", InvoiceStatus.DRAFT,
          "issued", InvoiceStatus.ISSUED,
          "balanced", InvoiceStatus.BALANCED,
          "cancelled", InvoiceStatus.CANCELLED);

  /** At most this many of the clinic's invoices are searched, newest first (billing's limit). */
  static final int SEARCHED = 200;

  private final Billing billing;

  InvoiceResources(Billing billing) {
    this.billing = billing;
  }

  @Override
  public String name() {
    return "Invoice";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("patient", SearchParamType.REFERENCE, "Patient/{id}"),
        new SearchParameter(
            "status", SearchParamType.TOKEN, "draft, issued, balanced or cancelled"));
  }

  @Override
  public Resource read(String id) {
    return toFhir(billing.get(Ids.uuid(id, "Invoice")));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var patient = query.reference("patient", "Patient").orElse(null);
    var status = query.token("status", STATUSES.keySet()).map(STATUSES::get).orElse(null);
    return billing.list(patient, SEARCHED).stream()
        .sorted(Comparator.comparing(Invoice::createdAt).thenComparing(Invoice::id).reversed())
        .map(InvoiceResources::toFhir)
        .filter(i -> status == null || i.getStatus() == status)
        .toList();
  }

  @Override
  public @Nullable UUID patientOf(Resource resource) {
    return UUID.fromString(
        ((org.hl7.fhir.r4.model.Invoice) resource).getSubject().getReferenceElement().getIdPart());
  }

  static org.hl7.fhir.r4.model.Invoice toFhir(Invoice invoice) {
    var fhir = new org.hl7.fhir.r4.model.Invoice();
    fhir.setId(invoice.id().toString());
    fhir.setStatus(status(invoice));
    if (invoice.number() != null) {
      fhir.addIdentifier().setValue(invoice.number());
    }
    if (invoice.status() == Invoice.Status.VOID && invoice.voidReason() != null) {
      fhir.setCancelledReason(invoice.voidReason());
    }
    fhir.setSubject(Ids.to("Patient", invoice.patientId()));
    fhir.setIssuer(Ids.to("Organization", TenantContext.tenant().value()));
    fhir.setDate(Date.from(invoice.issuedAt() != null ? invoice.issuedAt() : invoice.createdAt()));
    for (var line : invoice.lines()) {
      var item =
          fhir.addLineItem()
              .setSequence(line.position())
              .setChargeItem(new CodeableConcept().setText(line.description()));
      item.addPriceComponent()
          .setType(InvoicePriceComponentType.BASE)
          .setFactor(BigDecimal.valueOf(line.quantity()))
          .setAmount(money(line.unitPrice()));
      if (line.discount().minor() != 0) {
        item.addPriceComponent()
            .setType(InvoicePriceComponentType.DISCOUNT)
            .setAmount(money(line.discount()));
      }
      if (line.tax().minor() != 0) {
        item.addPriceComponent()
            .setType(InvoicePriceComponentType.TAX)
            .setAmount(money(line.tax()));
      }
    }
    fhir.setTotalNet(money(invoice.total().minus(invoice.tax())));
    fhir.setTotalGross(money(invoice.total()));
    return fhir;
  }

  private static InvoiceStatus status(Invoice invoice) {
    return switch (invoice.status()) {
      case DRAFT -> InvoiceStatus.DRAFT;
      case VOID -> InvoiceStatus.CANCELLED;
      case ISSUED ->
          invoice.total().minor() > 0 && invoice.owed().minor() == 0
              ? InvoiceStatus.BALANCED
              : InvoiceStatus.ISSUED;
    };
  }

  private static org.hl7.fhir.r4.model.Money money(Money money) {
    return new org.hl7.fhir.r4.model.Money()
        .setValue(money.amount())
        .setCurrency(money.currency().getCurrencyCode());
  }
}
