package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
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
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Finishing a visit publishes {@link VisitCompleted} with the visit's tenant, clinic, patient and
 * doctor, on which billing drafts the invoice and notifications writes the follow-up. Run in the
 * shared context with Modulith's {@code Scenario}: see {@link io.carebook.CarebookModuleTest} for
 * why.
 */
@CarebookTest
@EnableScenarios
class FrontDeskEventsTests {

  @Autowired Organizations organizations;
  @Autowired PatientDirectory directory;
  @Autowired CheckIn checkIn;
  @Autowired VisitMoves moves;
  @Autowired TenantTransactions tenants;

  @Test
  void finishingAVisitPublishesVisitCompletedWithItsScopeAndPatient(Scenario scenario) {
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
        tenants.inClinic(
            tenant,
            clinic,
            () ->
                checkIn.walkIn(
                    new CheckIn.WalkIn(patient.id().value(), null, null, Priority.NONE),
                    Instant.now()));
    tenants.inClinic(
        tenant,
        clinic,
        () -> moves.moveAsSystem(visit.id(), Transition.START_DOCTOR, null, Instant.now()));

    BiFunction<TransactionOperations, ApplicationEventPublisher, Visit> finishing =
        (transactions, events) ->
            tenants.inClinic(
                tenant,
                clinic,
                () -> moves.moveAsSystem(visit.id(), Transition.COMPLETE, null, Instant.now()));

    scenario
        .stimulate(finishing)
        .andWaitForEventOfType(VisitCompleted.class)
        .matchingMappedValue(VisitCompleted::visitId, new VisitId(visit.id()))
        .toArriveAndVerify(
            completed -> {
              assertThat(completed.tenantId()).isEqualTo(tenant);
              assertThat(completed.clinicId()).isEqualTo(clinic);
              assertThat(completed.patientId()).isEqualTo(patient.id().value());
            });
  }
}
