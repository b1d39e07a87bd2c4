package io.carebook.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The endpoints' API follows the API's conventions: a secret shown once, Idempotency-Key on create,
 * ETag and If-Match on update, cursor pages, field problems for bad input; another organization's
 * endpoints and deliveries are not found, and only owners manage them.
 */
@CarebookTest
class WebhookEndpointsApiTests {

  private static final String BASE = "/api/v1/webhook-endpoints";

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  private Api owner() {
    return new Api(port).as(organizations.signUp(new Api(port)).token());
  }

  private static Api.Response create(Api desk, String url, List<String> types) {
    return desk.post(BASE, Map.of("url", url, "eventTypes", types));
  }

  @Test
  void anEndpointIsCreatedWithASecretShownOnceThenChangedWithIfMatchAndDeleted() {
    var desk = owner();
    var created =
        desk.withHeader("Idempotency-Key", "create-" + UUID.randomUUID())
            .post(
                BASE,
                Map.of(
                    "url",
                    "http://localhost:9/one",
                    "description",
                    "Dashboard",
                    "eventTypes",
                    List.of("appointment.booked", "invoice.paid")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    var id = created.text("id");
    assertThat(created.header("Location")).isEqualTo(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.text("secret")).startsWith("whsec_");
    assertThat(created.text("status")).isEqualTo("ENABLED");

    var read = desk.get(BASE + "/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().hasNonNull("secret")).isFalse();
    assertThat(read.body().toString()).doesNotContain(created.text("secret"));

    var change =
        Map.<String, Object>of(
            "url",
            "http://localhost:9/two",
            "eventTypes",
            List.of("visit.completed"),
            "enabled",
            false);
    assertThat(desk.put(BASE + "/" + id, change, Map.of()).status()).isEqualTo(428);
    assertThat(desk.put(BASE + "/" + id, change, Map.of("If-Match", "\"7\"")).status())
        .isEqualTo(412);
    var changed = desk.put(BASE + "/" + id, change, Map.of("If-Match", read.header("ETag")));
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.text("status")).isEqualTo("DISABLED");
    assertThat(changed.text("disabledReason")).isEqualTo("OWNER");
    assertThat(changed.body().path("eventTypes").get(0).asString()).isEqualTo("visit.completed");
    assertThat(changed.header("ETag")).isEqualTo("\"1\"");
    assertThat(desk.post(BASE + "/" + id + "/test", Map.of()).status()).isEqualTo(409);

    assertThat(desk.delete(BASE + "/" + id).status()).isEqualTo(204);
    assertThat(desk.get(BASE + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
    var desk = owner().withHeader("Idempotency-Key", "once-" + UUID.randomUUID());
    var body = Map.of("url", "http://localhost:9/once", "eventTypes", List.of("visit.started"));
    var first = desk.post(BASE, body);
    var again = desk.post(BASE, body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.text("id")).isEqualTo(first.text("id"));
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void theListPagesWithACursor() {
    var desk = owner();
    for (var n = 0; n < 3; n++) {
      assertThat(create(desk, "http://localhost:9/p" + n, List.of("patient.registered")).status())
          .isEqualTo(201);
    }
    var first = desk.get(BASE + "?limit=2");
    assertThat(first.body().path("items")).hasSize(2);
    var next = first.text("next");
    assertThat(next).isNotBlank();
    var second = desk.get(BASE + "?limit=2&cursor=" + next);
    assertThat(second.body().path("items")).hasSize(1);
    assertThat(second.body().path("items").get(0).path("url").asString())
        .isEqualTo("http://localhost:9/p2");
    assertThat(second.body().hasNonNull("next")).isFalse();
    assertThat(desk.get(BASE + "?cursor=garbage").status()).isEqualTo(400);
  }

  @Test
  void badInputIsAProblemNamingEveryField() {
    var desk = owner();
    var missing = desk.post(BASE, Map.of("description", "x".repeat(201)));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.body().path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("url", "description", "eventTypes");
    var unknown = create(desk, "ftp://localhost/x", List.of("appointment.exploded"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("url", "eventTypes");
    assertThat(desk.get(BASE).body().path("items")).isEmpty();
  }

  @Test
  void anotherOrganizationsEndpointsAndDeliveriesAreNotFound() {
    var mine = owner();
    var endpoint = create(mine, "http://localhost:9/mine", List.of("visit.canceled"));
    var id = endpoint.text("id");
    var test = mine.post(BASE + "/" + id + "/test", Map.of());
    assertThat(test.status()).isEqualTo(202);
    var delivery = test.text("id");

    var theirs = owner();
    assertThat(theirs.get(BASE + "/" + id).status()).isEqualTo(404);
    assertThat(
            theirs
                .put(
                    BASE + "/" + id,
                    Map.of("url", "http://localhost:9/x", "eventTypes", List.of("visit.canceled")),
                    Map.of("If-Match", "\"0\""))
                .status())
        .isEqualTo(404);
    assertThat(theirs.delete(BASE + "/" + id).status()).isEqualTo(404);
    assertThat(theirs.get(BASE + "/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(theirs.get(BASE + "/" + id + "/deliveries/" + delivery).status()).isEqualTo(404);
    assertThat(
            theirs.post(BASE + "/" + id + "/deliveries/" + delivery + "/replay", Map.of()).status())
        .isEqualTo(404);
    assertThat(theirs.post(BASE + "/" + id + "/test", Map.of()).status()).isEqualTo(404);
    assertThat(theirs.get(BASE).body().path("items")).isEmpty();
    assertThat(theirs.get(BASE + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(mine.get(BASE + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void onlyOwnersManageWebhooks() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var manager = organizations.join(api, owner, "MANAGER");
    var refused = api.as(manager.token()).get(BASE);
    assertThat(refused.status()).isEqualTo(403);
  }
}
