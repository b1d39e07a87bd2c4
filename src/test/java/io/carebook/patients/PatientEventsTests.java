package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void mergingTwoRecordsPublishesPatientsMergedWithTheSurvivorAndTheDuplicate(Scenario scenario) {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var scope = new TenantContext.Scope(tenant, clinic, null, ActorType.SYSTEM);
    var spec =
        new NewClinic("Module Clinic", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG");
    inScope(scope, () -> organizations.open(tenant, "Module Org", clinic, spec));
    var survivor =
        inScope(scope, () -> directory.register(new NewPatient("Amal Module", null, null, null)));
    var duplicate =
        inScope(scope, () -> directory.register(new NewPatient("Amal Modul", null, null, null)));

    BiFunction<TransactionOperations, ApplicationEventPublisher, Patient> merging =
        (transactions, events) ->
            TenantContext.call(
                scope,
                () ->
                    transactions.execute(
                        status -> merge.merge(survivor.id(), duplicate.id(), "same person")));

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

  private <T> T inScope(TenantContext.Scope scope, Supplier<T> work) {
    var transactions = new TransactionTemplate(transactionManager);
    return TenantContext.call(scope, () -> transactions.execute(status -> work.get()));
  }
}
