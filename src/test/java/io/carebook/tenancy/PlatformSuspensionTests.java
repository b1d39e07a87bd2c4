package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform suspends a clinic and reinstates it; nobody else can, or can tell it exists. */
@CarebookTest
class PlatformSuspensionTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void anOperatorSuspendsAClinicWhichThenOnlyReadsUntilReinstated() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Before Suspension"));
    assertThat(patient.status()).isEqualTo(201);
    var path = "/api/platform/v1/clinics/" + owner.clinic().value() + "/suspension";

    // without the operator's token the API is not there, even for the clinic's owner
    assertThat(desk.post(path, Map.of("reason", "x")).status()).isEqualTo(404);
    var stranger = new Api(port).withHeader("X-Platform-Token", "guess");
    assertThat(stranger.post(path, Map.of("reason", "x")).status()).isEqualTo(404);

    var operator = new Api(port).withHeader("X-Platform-Token", "operator-test-token");
    var noReason = operator.post(path, Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(
            operator
                .post(
                    "/api/platform/v1/clinics/" + java.util.UUID.randomUUID() + "/suspension",
                    Map.of("reason", "fraud"))
                .status())
        .isEqualTo(404);
    assertThat(operator.post(path, Map.of("reason", "Chargebacks under review")).status())
        .isEqualTo(204);

    // the clinic reads, and refuses writes
    assertThat(desk.get("/api/v1/patients/" + patient.text("id")).status()).isEqualTo(200);
    var refused = desk.post("/api/v1/patients", Map.of("fullName", "During Suspension"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/clinic-read-only");
    assertThat(desk.get("/api/v1/subscription").text("status")).isEqualTo("SUSPENDED");

    assertThat(operator.delete(path + "?status=ACTIVE").status()).isEqualTo(204);
    assertThat(desk.get("/api/v1/subscription").text("status")).isEqualTo("ACTIVE");
    assertThat(desk.post("/api/v1/patients", Map.of("fullName", "After Suspension")).status())
        .isEqualTo(201);
    assertThat(operator.delete(path).status()).as("not suspended any more").isEqualTo(409);
  }
}
