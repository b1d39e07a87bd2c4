package io.carebook.identity.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** An organization's API budget is shared by all its members and refuses with Retry-After. */
@CarebookTest
@TestPropertySource(properties = "carebook.rate-limit.organization=5")
class OrganizationRateLimitTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void theRequestBeyondTheOrganizationsBudgetWaits() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var statuses = new java.util.ArrayList<Integer>();
    for (int i = 0; i < 6; i++) {
      statuses.add(desk.get("/api/v1/patients").status());
    }
    assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    var refused = desk.get("/api/v1/patients");
    assertThat(refused.text("type")).isEqualTo("/problems/rate-limited");
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();

    var other = organizations.signUp(api);
    assertThat(api.as(other.token()).get("/api/v1/patients").status())
        .as("another organization")
        .isEqualTo(200);
  }
}
