package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.frontdesk.CheckIn;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.patients.NewPatient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.VisitId;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * When front desk publishes {@link VisitCompleted}, billing drafts the visit's invoice. Run in the
 * shared context with Modulith's {@code Scenario}: see {@link io.carebook.CarebookModuleTest} for
 * why.
 */
@CarebookTest
@EnableScenarios
class BillingEventsTests {

  @Autowired Organizations organizations;
  @Autowired PatientDirectory directory;
  @Autowired Invoices invoices;
  @Autowired CheckIn checkIn;
  @Autowired TenantTransactions tenants;

  @Test
  void aCompletedVisitGetsItsInvoiceDrafted(Scenario scenario) {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var spec =
        new NewClinic("Module Clinic", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG");
    tenants.inClinic(tenant, clinic, () -> organizations.open(tenant, "Module Org", clinic, spec));
    var patient =
        tenants.inClinic(
            tenant,
            clinic,
            () -> directory.register(new NewPatient("Amal Module", null, null, null)));
    var visit =
        tenants
            .inClinic(
                tenant,
                clinic,
                () ->
                    checkIn.walkIn(
                        new CheckIn.WalkIn(patient.id().value(), null, null, Priority.NONE),
                        Instant.now()))
            .id();

    scenario
        .publish(
            new VisitCompleted(
                tenant,
                clinic,
                new VisitId(visit),
                null,
                Instant.now(),
                patient.id().value(),
                null))
        .andWaitForStateChange(
            () -> tenants.inClinic(tenant, clinic, () -> invoices.ofVisit(visit)),
            Optional::isPresent)
        .andVerify(invoice -> assertThat(invoice).isPresent());
  }
}
