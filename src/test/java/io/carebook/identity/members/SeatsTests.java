package io.carebook.identity.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantTransactions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A clinic's plan limits its team: members and doctors, invitations included. */
@CarebookTest
class SeatsTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Subscriptions subscriptions;
  @LocalServerPort int port;

  private static Api.Response invite(Api owner, String role) {
    return owner.post(
        "/api/v1/invitations",
        Map.of(
            "email",
            role.toLowerCase() + "-" + System.nanoTime() + "@example.test",
            "roles",
            List.of(role)));
  }

  @Test
  void theStarterPlanHoldsTwoDoctorsAndFiveMembersUntilItIsUpgraded() {
    var api = new Api(port);
    var owner = organizations.signUp(api); // an owner who is also the clinic's doctor
    var desk = api.as(owner.token());
    assertThat(Plan.STARTER.doctors()).isEqualTo(2);
    assertThat(Plan.STARTER.staff()).isEqualTo(5);

    organizations.join(api, owner, "DOCTOR"); // the second doctor
    var third = invite(desk, "DOCTOR");
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.text("type")).isEqualTo("/problems/plan-limit");
    assertThat(third.text("detail")).contains("2 doctors");

    // two more members, and an invitation not yet answered: the fifth seat is held
    organizations.join(api, owner, "RECEPTIONIST");
    organizations.join(api, owner, "BILLING");
    assertThat(invite(desk, "ASSISTANT").status()).isEqualTo(201);
    var sixth = invite(desk, "ASSISTANT");
    assertThat(sixth.status()).isEqualTo(409);
    assertThat(sixth.text("detail")).contains("5 team members");

    // a suspended member frees their seat, and cannot come back while it is taken
    String billingId = null;
    for (var m : desk.get("/api/v1/staff").body().path("items")) {
      if (m.path("roles").toString().contains("BILLING")) {
        billingId = m.path("userId").asText();
      }
    }
    assertThat(billingId).isNotNull();
    assertThat(desk.post("/api/v1/staff/" + billingId + "/suspend", Map.of()).status())
        .isEqualTo(204);
    assertThat(invite(desk, "ASSISTANT").status()).isEqualTo(201);
    var back = desk.post("/api/v1/staff/" + billingId + "/reactivate", Map.of());
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.text("type")).isEqualTo("/problems/plan-limit");

    // on the GROWTH plan there is room again
    tenants.run(
        owner.tenant(),
        () -> subscriptions.apply(owner.clinic(), SubscriptionStatus.ACTIVE, Plan.GROWTH));
    assertThat(desk.post("/api/v1/staff/" + billingId + "/reactivate", Map.of()).status())
        .isEqualTo(204);
    assertThat(invite(desk, "DOCTOR").status()).isEqualTo(201);
  }
}
