package io.carebook.clinical.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.TestOrganizations;
import io.carebook.clinical.ClinicalFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo's written-up visits, made at a fresh clinic so the shared demo stays untouched. */
@CarebookTest
class DemoClinicalTests {

  @Autowired TestOrganizations organizations;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void finishedVisitsGetASignedNoteAndAFinalizedPrescriptionOnce() {
    var demo = DemoBeans.of(context, DemoClinical.class);
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var first = ClinicalFixtures.visit(desk, "Demo One", "start-doctor", "complete");
    ClinicalFixtures.visit(desk, "Demo Two", "start-doctor", "complete");
    ClinicalFixtures.visit(desk, "Demo Waiting");

    assertThat(demo.writeUp(owner.tenant(), owner.clinic(), false)).isEqualTo(2);
    assertThat(demo.writeUp(owner.tenant(), owner.clinic(), false)).isZero();

    var record = desk.get("/api/v1/visits/" + first + "/encounter").body();
    assertThat(record.path("note").path("status").asString()).isEqualTo("SIGNED");
    assertThat(record.path("vitals")).hasSize(1);
    var prescription = record.path("prescriptions").get(0);
    assertThat(prescription.path("status").asString()).isEqualTo("FINALIZED");
    assertThat(prescription.path("items")).hasSize(2);
    var pdf =
        desk.download(
            "/api/v1/prescriptions/" + prescription.path("id").asString() + "/pdf?lang=ar");
    assertThat(pdf.statusCode()).isEqualTo(200);
  }
}
