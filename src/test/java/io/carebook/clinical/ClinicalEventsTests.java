package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientsMerged;
import io.carebook.tenancy.TenantTransactions;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * When patients publishes {@link PatientsMerged}, clinical re-points the duplicate's encounters to
 * the survivor, inside the merge's transaction and tenant. Clinical's own events (a note signed, a
 * prescription finalized or sent) are published on the request's thread, which Modulith's {@code
 * Scenario} does not watch, so {@link EncounterTests} and {@link PrescriptionTests} check them
 * through {@link ClinicalEventLog}. Run in the shared context with {@code Scenario}: see {@link
 * io.carebook.CarebookModuleTest} for why.
 */
@CarebookTest
@EnableScenarios
class ClinicalEventsTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aMergeOfPatientsMovesTheDuplicatesEncountersToTheSurvivor(Scenario scenario) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var doctor = api.as(owner.token());
    var visit = ClinicalFixtures.visit(doctor, "Duplicate Module", "start-doctor");
    var drafted =
        doctor.put("/api/v1/visits/" + visit + "/note", ClinicalFixtures.soap(), Map.of());
    assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(200);
    var duplicate = UUID.fromString(ClinicalFixtures.patientOf(doctor, visit));
    var survivor =
        UUID.fromString(
            doctor.post("/api/v1/patients", Map.of("fullName", "Survivor Module")).text("id"));

    BiFunction<TransactionOperations, ApplicationEventPublisher, Object> merging =
        (transactions, events) -> {
          tenants.inClinic(
              owner.tenant(),
              owner.clinic(),
              () ->
                  events.publishEvent(
                      new PatientsMerged(
                          owner.tenant(), new PatientId(survivor), new PatientId(duplicate))));
          return survivor;
        };

    scenario
        .stimulate(merging)
        .andWaitForStateChange(() -> patientOfEncounter(owner, visit), survivor::equals)
        .andVerify(patient -> assertThat(patient).isEqualTo(survivor));
  }

  private UUID patientOfEncounter(TestOrganizations.Owner owner, String visit) {
    return tenants.inClinic(
        owner.tenant(),
        owner.clinic(),
        () ->
            jdbc.sql("select patient_id from encounters where visit_id = ?")
                .param(UUID.fromString(visit))
                .query(UUID.class)
                .single());
  }
}
