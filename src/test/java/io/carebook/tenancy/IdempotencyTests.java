package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A create retried with the same Idempotency-Key happens once. */
@CarebookTest
class IdempotencyTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void aRetryGetsTheFirstAnswerAndCreatesNothingNew() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var key = UUID.randomUUID().toString();
    var desk = api.as(owner.token()).withHeader("Idempotency-Key", key);

    var first =
        desk.post("/api/v1/patients", Map.of("fullName", "Retried Once", "phone", "01005556677"));
    var retry =
        desk.post("/api/v1/patients", Map.of("fullName", "Retried Once", "phone", "01005556677"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.text("id")).isEqualTo(first.text("id"));
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(api.as(owner.token()).get("/api/v1/patients?q=retried").body().path("items"))
        .hasSize(1);

    var reused = desk.post("/api/v1/patients", Map.of("fullName", "Someone Else"));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.text("type")).isEqualTo("/problems/idempotency-key-reused");
  }

  @Test
  void keysBelongToTheirOrganization() {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    var key = "shared-key-" + UUID.randomUUID();
    var a =
        api.as(first.token())
            .withHeader("Idempotency-Key", key)
            .post("/api/v1/patients", Map.of("fullName", "Same Key"));
    var b =
        api.as(second.token())
            .withHeader("Idempotency-Key", key)
            .post("/api/v1/patients", Map.of("fullName", "Same Key"));
    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(b.text("id")).isNotEqualTo(a.text("id"));
  }
}
