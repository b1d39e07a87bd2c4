package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.time.Instant;
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
 * Opening an organization publishes {@link ClinicCreated} with the end of the clinic's trial. Run
 * in the shared context with Modulith's {@code Scenario}: see {@link
 * io.carebook.CarebookModuleTest} for why tenancy has no module test of its own.
 */
@CarebookTest
@EnableScenarios
class TenancyEventsTests {

  @Autowired Organizations organizations;
  @Autowired TenantTransactions tenants;

  @Test
  void openingAnOrganizationPublishesClinicCreatedWithTheTrialsEnd(Scenario scenario) {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var before = Instant.now();
    var spec =
        new NewClinic("Module Clinic", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG");

    BiFunction<TransactionOperations, ApplicationEventPublisher, Clinic> opening =
        (transactions, events) ->
            tenants.inClinic(
                tenant, clinic, () -> organizations.open(tenant, "Module Org", clinic, spec));

    scenario
        .stimulate(opening)
        .andWaitForEventOfType(ClinicCreated.class)
        .matchingMappedValue(ClinicCreated::clinicId, clinic)
        .toArriveAndVerify(
            created -> {
              assertThat(created.tenantId()).isEqualTo(tenant);
              assertThat(created.trialEndsAt())
                  .isAfter(before.plus(SubscriptionStatus.TRIAL_LENGTH).minusSeconds(60));
            });
  }
}
