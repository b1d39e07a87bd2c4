package io.carebook.billing.demo;

import io.carebook.billing.Catalog;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' subscriptions and price lists, in their own currencies: a consultation, a
 * follow-up, an ECG, a blood count and a dressing, the procedures taxed where the clinic's country
 * taxes them. The visits done in the demo morning get their invoices drafted as any visit does.
 */
@Component
@ConditionalOnDemo
@Order(350) // before the demo morning, whose visits done are invoiced from this list
class DemoBilling implements DemoDataLoader {

  private record Item(String code, String name, Catalog.Kind kind, String price, boolean taxed) {}

  private static final List<Item> EGYPT =
      List.of(
          new Item("CONSULT", "Consultation", Catalog.Kind.CONSULTATION, "400", false),
          new Item("FOLLOWUP", "Follow-up visit", Catalog.Kind.CONSULTATION, "200", false),
          new Item("ECG", "Electrocardiogram (ECG)", Catalog.Kind.PROCEDURE, "350", true),
          new Item("CBC", "Complete blood count", Catalog.Kind.LAB, "180", false),
          new Item("DRESSING", "Wound dressing", Catalog.Kind.PROCEDURE, "120.50", true));

  private static final List<Item> MEXICO =
      List.of(
          new Item("CONSULTA", "Consulta general", Catalog.Kind.CONSULTATION, "650", false),
          new Item(
              "SEGUIMIENTO", "Consulta de seguimiento", Catalog.Kind.CONSULTATION, "400", false),
          new Item("ECG", "Electrocardiograma", Catalog.Kind.PROCEDURE, "550", true),
          new Item("BH", "Biometría hemática", Catalog.Kind.LAB, "290", false),
          new Item("CURACION", "Curación", Catalog.Kind.PROCEDURE, "250", true));

  private final Catalog catalog;
  private final io.carebook.tenancy.Subscriptions subscriptions;
  private final TenantTransactions tenants;

  DemoBilling(
      Catalog catalog,
      io.carebook.tenancy.Subscriptions subscriptions,
      TenantTransactions tenants) {
    this.catalog = catalog;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    priceList(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, "VAT 14%", "14", EGYPT);
    priceList(DemoOrganization.NILE, DemoOrganization.NILE_HELIOPOLIS, "VAT 14%", "14", EGYPT);
    priceList(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE, "VAT 14%", "14", EGYPT);
    priceList(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, "IVA 16%", "16", MEXICO);
    // Dokki pays for the PRO plan (API keys, no limits); the other clinics are on their trial
    tenants.inClinic(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        () -> {
          subscriptions.apply(
              DemoOrganization.NILE_DOKKI,
              io.carebook.tenancy.SubscriptionStatus.ACTIVE,
              io.carebook.tenancy.Plan.PRO);
        });
  }

  private void priceList(
      TenantId tenant, ClinicId clinic, String tax, String rate, List<Item> items) {
    tenants.inClinic(
        tenant,
        clinic,
        () -> {
          if (!catalog.services().isEmpty()) {
            return;
          }
          var profile = catalog.addTaxProfileAsSystem(tax, new BigDecimal(rate));
          for (var item : items) {
            catalog.addServiceAsSystem(
                new Catalog.NewService(
                    item.code(),
                    item.name(),
                    item.kind().name(),
                    new BigDecimal(item.price()),
                    item.taxed() ? profile.id() : null));
          }
        });
  }
}
