package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Merging two records publishes {@link PatientsMerged}, on which scheduling, front desk, clinical
 * and billing move the duplicate's rows to the survivor. Run in the shared context with Modulith's
 * {@code Scenario}: see {@link io.carebook.CarebookModuleTest} for why.
 */
@CarebookTest
@EnableScenarios
class PatientEventsTests {

  @Autowired Organizations organizations;
  @Autowired PatientDirectory directory;
  @Autowired PatientMerge merge;
  @Autowired TenantTransactions tenants;

  @Test
  void mergingTwoRecordsPublishesPatientsMergedWithTheSurvivorAndTheDuplicate(Scenario scenario) {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var spec =
        new NewClinic("Module Clinic", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG");
    tenants.inClinic(tenant, clinic, () -> organizations.open(tenant, "Module Org", clinic, spec));
    var survivor =
        tenants.inClinic(
            tenant,
            clinic,
            () -> directory.register(new NewPatient("Amal Module", null, null, null)));
    var duplicate =
        tenants.inClinic(
            tenant,
            clinic,
            () -> directory.register(new NewPatient("Amal Modul", null, null, null)));

    BiFunction<TransactionOperations, ApplicationEventPublisher, Patient> merging =
        (transactions, events) ->
            tenants.inClinic(
                tenant, clinic, () -> merge.merge(survivor.id(), duplicate.id(), "same person"));

    scenario
        .stimulate(merging)
        .andWaitForEventOfType(PatientsMerged.class)
        .matchingMappedValue(PatientsMerged::duplicate, duplicate.id())
        .toArriveAndVerify(
            merged -> {
              assertThat(merged.survivor()).isEqualTo(survivor.id());
              assertThat(merged.tenantId()).isEqualTo(tenant);
            });
  }
}
