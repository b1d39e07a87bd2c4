package io.carebook.billing.demo;

import io.carebook.billing.Billing;
import io.carebook.billing.Invoice;
import io.carebook.billing.Invoice.Payment;
import io.carebook.billing.Invoices;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo morning's visits done, billed as a receptionist would: invoices issued and paid in cash
 * or by wallet at the desk (so the day-end cash report has her takings), the latest of them paid in
 * part (so dues show), the last visit's still a draft waiting at the desk.
 */
@Component
@ConditionalOnDemo
@Order(750) // after the demo morning (its visits done) and their notes
class DemoInvoices implements DemoDataLoader {

  private final JdbcClient jdbc;
  private final Billing billing;
  private final Invoices invoices;
  private final Staff staff;
  private final Clock clock;
  private final FrontDesk frontDesk;
  private final TenantTransactions tenants;

  DemoInvoices(
      JdbcClient jdbc,
      Billing billing,
      Invoices invoices,
      Staff staff,
      Clock clock,
      FrontDesk frontDesk,
      TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.billing = billing;
    this.invoices = invoices;
    this.staff = staff;
    this.clock = clock;
    this.frontDesk = frontDesk;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    bill(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, "Vodafone Cash");
    bill(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, "Mercado Pago");
  }

  /** Bills the clinic's visits done that have no invoice issued yet; returns how many it issued. */
  int bill(TenantId tenant, ClinicId clinic, String wallet) {
    return tenants.inClinic(
        tenant,
        clinic,
        () -> {
          var issued = 0;
          var cashier = receptionist();
          var done = visitsDone(clinic);
          for (int i = 0; i < done.size(); i++) {
            var visit = done.get(i);
            billing.draftForVisit(visit.id(), visit.patient(), visit.doctor());
            if (i == done.size() - 1) {
              continue; // the last stays a draft, for the desk to finish
            }
            var id = invoices.ofVisit(visit.id()).orElseThrow();
            var invoice = invoices.lock(id).orElseThrow();
            if (invoice.status() != Invoice.Status.DRAFT || invoice.lines().isEmpty()) {
              continue;
            }
            // minutes apart, as a morning's payments are, but never before the clinic's day began
            var at =
                latest(
                    clock.instant().minus(Duration.ofMinutes(5L * (done.size() - i))),
                    frontDesk.startOfToday());
            invoices.issue(id, invoices.nextNumber(clinic, Invoices.INVOICE_SERIES), at, cashier);
            var total = invoice.total();
            // the latest issued is paid in part: that patient brings the rest another
            // day
            var partly = i == done.size() - 2;
            var paid = partly ? new Money(total.minor() / 2, total.currency()) : total;
            var byWallet = i % 3 == 2;
            invoices.insertPayment(
                id,
                clinic,
                new Payment(
                    UUID.randomUUID(),
                    Payment.Kind.PAYMENT,
                    byWallet ? Payment.Method.WALLET : Payment.Method.CASH,
                    byWallet ? wallet : null,
                    paid,
                    null,
                    null,
                    at,
                    cashier));
            issued++;
          }
          return issued;
        });
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private record Done(UUID id, UUID patient, @Nullable UUID doctor) {}

  /** The demo reads the front desk's finished visits directly: it has no member to ask as. */
  private List<Done> visitsDone(ClinicId clinic) {
    return jdbc.sql(
            """
            select v.id, v.patient_id, v.doctor_id from visits v
            where v.clinic_id = ? and v.state = 'DONE' order by v.created_at""")
        .param(clinic.value())
        .query(
            (rs, n) ->
                new Done(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class)))
        .list();
  }

  private @Nullable UUID receptionist() {
    return staff.members().stream()
        .filter(m -> m.roles().contains(Role.RECEPTIONIST))
        .findFirst()
        .map(m -> m.userId().value())
        .orElse(null);
  }
}
