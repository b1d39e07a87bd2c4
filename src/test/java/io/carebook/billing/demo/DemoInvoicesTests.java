package io.carebook.billing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.TestOrganizations;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo's billed morning, made at a fresh clinic so the shared demo stays untouched. */
@CarebookTest
class DemoInvoicesTests {

  @Autowired TestOrganizations organizations;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void theMorningsVisitsAreIssuedAndPaidButOnePartlyAndTheLastStaysADraft() {
    var demo = DemoBeans.of(context, DemoInvoices.class);
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");
    desk.post(
        "/api/v1/services",
        Map.of("code", "CONSULT", "name", "Consultation", "kind", "CONSULTATION", "price", "400"));
    for (int i = 0; i < 4; i++) {
      var visit =
          desk.post(
                  "/api/v1/visits",
                  Map.of("patient", Map.of("fullName", "Morning Patient " + i), "doctorId", me))
              .text("id");
      desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of());
      desk.post("/api/v1/visits/" + visit + "/complete", Map.of());
    }
    assertThat(demo.bill(owner.tenant(), owner.clinic(), "Vodafone Cash")).isEqualTo(3);
    assertThat(demo.bill(owner.tenant(), owner.clinic(), "Vodafone Cash")).isZero();

    var statuses = new ArrayList<String>();
    desk.get("/api/v1/invoices")
        .body()
        .path("items")
        .forEach(i -> statuses.add(i.path("status").asText()));
    assertThat(statuses).containsExactlyInAnyOrder("ISSUED", "ISSUED", "ISSUED", "DRAFT");
    var dues = desk.get("/api/v1/dues").body().path("items");
    assertThat(dues).hasSize(1);
    assertThat(dues.get(0).path("owed").path("amount").asText()).isEqualTo("200.00");
    assertThat(desk.get("/api/v1/cash-report").body().path("total").path("amount").asText())
        .isEqualTo("1000.00");
  }
}
