package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Registration and search at an Egyptian clinic, through the API. */
@CarebookTest
class PatientRegistrationTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;
  Api desk;

  @BeforeEach
  void openClinic() {
    var api = new Api(port);
    desk = api.as(organizations.signUp(api).token());
  }

  @Test
  void arabicIndicDigitsAndFormattedNumbersFindTheSamePatient() {
    var registered =
        desk.post(
            "/api/v1/patients", Map.of("fullName", "فاطمة الزهراء", "phone", "٠١٠٠ ١٢٣ ٤٥٦٧"));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.text("phone")).isEqualTo("+201001234567");

    for (var typed : new String[] {"01001234567", "010-0123-4567", "+20 100 123 4567", "٠١٠٠١٢٣"}) {
      var found = desk.get("/api/v1/patients?q=" + encode(typed)).body().path("items");
      assertThat(found).as("search %s", typed).hasSize(1);
      assertThat(found.get(0).path("id").asString()).isEqualTo(registered.text("id"));
    }
    var again =
        desk.post(
            "/api/v1/patients", Map.of("fullName", "فاطمه الزهراء", "phone", "+20 100 123 4567"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("type")).isEqualTo("/problems/duplicate-patient");
    assertThat(again.text("detail")).contains(registered.text("id"));
  }

  @Test
  void aHouseholdSharingOnePhoneStaysSeparatePeople() {
    var mother =
        desk.post("/api/v1/patients", Map.of("fullName", "Mona Hassan", "phone", "01112223334"));
    var son =
        desk.post("/api/v1/patients", Map.of("fullName", "Omar Hassan", "phone", "0111 222 3334"));
    assertThat(mother.status()).isEqualTo(201);
    assertThat(son.status()).isEqualTo(201);
    assertThat(son.text("id")).isNotEqualTo(mother.text("id"));
    assertThat(desk.get("/api/v1/patients?q=01112223334").body().path("items")).hasSize(2);
  }

  @Test
  void searchByAnyPartOfTheNameIgnoresCaseAndAccents() {
    desk.post("/api/v1/patients", Map.of("fullName", "María José Núñez"));
    assertThat(desk.get("/api/v1/patients?q=nunez").body().path("items")).hasSize(1);
    assertThat(desk.get("/api/v1/patients?q=JOSE").body().path("items")).hasSize(1);
    assertThat(desk.get("/api/v1/patients?q=nobody").body().path("items")).isEmpty();
  }

  @Test
  void invalidInputNamesTheFieldAndSavesNothing() {
    var response =
        desk.post(
            "/api/v1/patients",
            Map.of("fullName", " ", "phone", "12", "dateOfBirth", "2999-01-01"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text("type")).isEqualTo("/problems/invalid-input");
    assertThat(response.body().path("errors").findValuesAsString("field"))
        .contains("fullName", "dateOfBirth");
    var badPhone = desk.post("/api/v1/patients", Map.of("fullName", "Real Name", "phone", "12"));
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.body().path("errors").get(0).path("field").asString()).isEqualTo("phone");
    assertThat(desk.get("/api/v1/patients").body().path("items")).isEmpty();
  }

  @Test
  void malformedJsonIsAProblemNotAServerError() {
    var response = desk.postRaw("/api/v1/patients", "{\"fullName\": ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text("type")).isEqualTo("/problems/malformed-request");
  }

  @Test
  void aCorrectionNeedsTheCurrentETag() {
    var created = desk.post("/api/v1/patients", Map.of("fullName", "Karim Said"));
    var path = "/api/v1/patients/" + created.text("id");
    var noMatch = desk.put(path, Map.of("fullName", "Karim Saeed"), Map.of());
    assertThat(noMatch.status()).isEqualTo(428);
    var ok =
        desk.put(
            path, Map.of("fullName", "Karim Saeed"), Map.of("If-Match", created.header("ETag")));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"1\"");
    var stale =
        desk.put(path, Map.of("fullName", "Karim S."), Map.of("If-Match", created.header("ETag")));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(desk.get(path).text("fullName")).isEqualTo("Karim Saeed");
  }

  @Test
  void listsArePagedWithACursor() {
    for (int i = 0; i < 5; i++) {
      desk.post("/api/v1/patients", Map.of("fullName", "Paged " + i));
    }
    var first = desk.get("/api/v1/patients?limit=2");
    assertThat(first.body().path("items")).hasSize(2);
    var second = desk.get("/api/v1/patients?limit=2&after=" + first.text("next"));
    var third = desk.get("/api/v1/patients?limit=2&after=" + second.text("next"));
    assertThat(third.body().path("items")).hasSize(1);
    assertThat(third.body().path("next").isNull()).isTrue();
    assertThat(desk.get("/api/v1/patients?after=garbage").status()).isEqualTo(400);
  }

  @Test
  void anUnauthenticatedCallIsAProblem() {
    var response = new Api(port).get("/api/v1/patients");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.text("type")).isEqualTo("/problems/unauthenticated");
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
