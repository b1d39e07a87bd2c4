package io.carebook.agents.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Owners and managers keep their clinic's FAQ through the API; everyone in the clinic reads it. */
@CarebookTest
class FaqApiTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  private static Map<String, Object> entry(String language, String question, String answer) {
    return Map.of("language", language, "question", question, "answer", answer);
  }

  @Test
  void anOwnerReplacesTheFaqAndAReceptionistReadsButCannotChangeIt() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var first =
        desk.put(
            "/api/v1/faq",
            Map.of(
                "items",
                List.of(
                    entry("en", " Parking? ", "Behind the building."),
                    entry("ar", "هل يوجد موقف؟", "نعم، خلف المبنى."),
                    entry("en", "Cards?", "Yes."))),
            Map.of());
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().path("items").findValuesAsString("question"))
        .as("by language, then in the order given, trimmed")
        .containsExactly("هل يوجد موقف؟", "Parking?", "Cards?");
    var etag = first.header("ETag");
    assertThat(etag).isNotBlank();

    var arabic = desk.get("/api/v1/faq?language=ar");
    assertThat(arabic.body().path("items")).hasSize(1);
    assertThat(arabic.header("ETag")).isEqualTo(etag);

    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var reader = new Api(port).as(receptionist.token());
    assertThat(reader.get("/api/v1/faq").body().path("items")).hasSize(3);
    assertThat(reader.put("/api/v1/faq", Map.of("items", List.of()), Map.of()).status())
        .isEqualTo(403);

    var emptied = desk.put("/api/v1/faq", Map.of("items", List.of()), Map.of("If-Match", etag));
    assertThat(emptied.status()).isEqualTo(200);
    var stale = desk.put("/api/v1/faq", Map.of("items", List.of()), Map.of("If-Match", etag));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.text("type")).isEqualTo("/problems/stale-write");
  }

  @Test
  void badEntriesAreRefusedNamingEachAndNothingChanges() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    desk.put("/api/v1/faq", Map.of("items", List.of(entry("en", "Kept?", "Yes."))), Map.of());

    var refused =
        desk.put(
            "/api/v1/faq",
            Map.of(
                "items",
                List.of(
                    entry("fr", "Parking?", "Oui."),
                    entry("en", " ", "x".repeat(2001)),
                    entry("es", "¿Bien?", "Sí."))),
            Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).isEqualTo("/problems/invalid-input");
    assertThat(refused.body().path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("items[0].language", "items[1].question", "items[1].answer");
    assertThat(desk.get("/api/v1/faq").body().path("items").get(0).path("question").asString())
        .isEqualTo("Kept?");
  }
}
