package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Merging two records of one person moves what the other modules hold of the duplicate — visits,
 * encounters, appointments, draft invoices — to the survivor, so the history is whole.
 */
@CarebookTest
class MergeFollowsTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void theSurvivorsHistoryHoldsTheDuplicatesVisitsNotesAndAppointments() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");
    var survivor = desk.post("/api/v1/patients", Map.of("fullName", "Hoda Merged")).text("id");
    var duplicate = desk.post("/api/v1/patients", Map.of("fullName", "Huda Merged")).text("id");

    var visit =
        desk.post("/api/v1/visits", Map.of("patientId", duplicate, "doctorId", me)).text("id");
    desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of());
    assertThat(
            desk.put(
                    "/api/v1/visits/" + visit + "/note",
                    Map.of("assessment", "Seen under the other record"),
                    Map.of())
                .status())
        .isEqualTo(200);
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", duplicate)).text("id");

    var merged =
        desk.post(
            "/api/v1/patients/" + survivor + "/merge",
            Map.of("duplicateId", duplicate, "reason", "one person"));
    assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);

    var history = desk.get("/api/v1/patients/" + survivor + "/history");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.body().toString()).contains(visit, "Seen under the other record");
    assertThat(desk.get("/api/v1/visits/" + visit).body().path("visit").path("patientId").asText())
        .isEqualTo(survivor);
    assertThat(desk.get("/api/v1/invoices/" + invoice).text("patientId")).isEqualTo(survivor);
  }
}
