package io.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * FHIR requests spend the organization's budget like any other API call, and the refusal is an
 * OperationOutcome with Retry-After (the settings of OrganizationRateLimitTests: the same context).
 */
@CarebookTest
@TestPropertySource(properties = "carebook.rate-limit.organization=5")
class FhirRateLimitTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void aSearchBeyondTheOrganizationsBudgetIsAThrottledOperationOutcome() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var statuses = new java.util.ArrayList<Integer>();
    Api.Response last = null;
    for (int i = 0; i < 6; i++) {
      last = desk.get(FhirTests.R4 + "/Practitioner");
      statuses.add(last.status());
    }
    assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    assertThat(last.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
    new FhirValidation().valid(last.raw().body());
    var issue = last.body().path("issue").get(0);
    assertThat(issue.path("code").asString()).isEqualTo("throttled");
    assertThat(issue.path("details").path("coding").get(0).path("code").asString())
        .isEqualTo("rate-limited");
  }
}
