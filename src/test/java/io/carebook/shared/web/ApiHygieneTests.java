package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's conventions at work (docs/api/conventions.md): cursor pages walked end to end, a stale
 * If-Match refused, an Idempotency-Key replayed on a create that is no booking, a deprecated
 * operation's headers, the changelog served to anyone.
 */
@CarebookTest
class ApiHygieneTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;
  Api api;
  Api desk;

  @BeforeEach
  void openClinic() {
    api = new Api(port);
    desk = api.as(organizations.signUp(api).token());
  }

  @Test
  void cursorPagesWalkAListWithoutDuplicatesOrGaps() {
    for (int i = 0; i < 7; i++) {
      assertThat(desk.post("/api/v1/note-templates", Map.of("name", "Template " + i)).status())
          .isEqualTo(201);
    }
    var whole = desk.get("/api/v1/note-templates?limit=200");
    assertThat(whole.body().path("next").isNull()).isTrue();
    var expected = new ArrayList<String>();
    whole.body().path("items").forEach(t -> expected.add(t.path("id").asString()));
    assertThat(expected).hasSize(7);

    var walked = new ArrayList<String>();
    String cursor = null;
    var pages = 0;
    do {
      var page =
          desk.get("/api/v1/note-templates?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.body().path("items").forEach(t -> walked.add(t.path("id").asString()));
      cursor = page.body().path("next").isNull() ? null : page.text("next");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void aTamperedCursorOrAnUnreasonableLimitIsAProblem() {
    desk.post("/api/v1/note-templates", Map.of("name", "One"));
    desk.post("/api/v1/note-templates", Map.of("name", "Two"));
    var next = desk.get("/api/v1/note-templates?limit=1").text("next");
    var tampered = (next.charAt(0) == 'A' ? "B" : "A") + next.substring(1);
    for (var query : new String[] {"cursor=" + tampered, "cursor=%25%25", "limit=0", "limit=201"}) {
      var answer = desk.get("/api/v1/note-templates?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.text("type")).isEqualTo("/problems/invalid-input");
    }
    assertThat(CursorPage.decode(CursorPage.encode("some key"))).isEqualTo("some key");
  }

  @Test
  void aStaleIfMatchIsRefusedAndTheCurrentOneAccepted() {
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Salma Adel")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var read = desk.get("/api/v1/invoices/" + invoice);
    var etag = read.header("ETag");
    assertThat(etag).isEqualTo("\"" + read.body().path("version").asInt() + "\"");
    var line = Map.of("description", "Consultation", "unitPrice", 300);

    var stale =
        desk.withHeader("If-Match", "\"999\"").post("/api/v1/invoices/" + invoice + "/lines", line);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.text("type")).isEqualTo("/problems/stale-write");
    assertThat(desk.get("/api/v1/invoices/" + invoice).body().path("lines")).isEmpty();

    var fresh =
        desk.withHeader("If-Match", etag).post("/api/v1/invoices/" + invoice + "/lines", line);
    assertThat(fresh.status()).isEqualTo(201);
    var again =
        desk.withHeader("If-Match", etag).post("/api/v1/invoices/" + invoice + "/lines", line);
    assertThat(again.status()).as("the ETag of before the first line").isEqualTo(412);
  }

  @Test
  void aRequiredIfMatchIsAskedForAndAGetAnswersNotModified() {
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "11:00");
    var cairo = ZoneId.of("Africa/Cairo");
    var nine = LocalDate.now(cairo).plusDays(2).atTime(9, 0).atZone(cairo).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                nine.toString(),
                "patient",
                Map.of("fullName", "Karim Nabil", "phone", "01001234599")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    var id = booked.text("id");
    var read = desk.get("/api/v1/appointments/" + id);
    var etag = read.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(desk.withHeader("If-None-Match", etag).get("/api/v1/appointments/" + id).status())
        .isEqualTo(304);

    var missing = desk.post("/api/v1/appointments/" + id + "/confirm", Map.of());
    assertThat(missing.status()).isEqualTo(428);
    assertThat(missing.text("type")).isEqualTo("/problems/if-match-required");
    assertThat(
            desk.withHeader("If-Match", "\"999\"")
                .post("/api/v1/appointments/" + id + "/confirm", Map.of())
                .status())
        .isEqualTo(412);
    assertThat(
            desk.withHeader("If-Match", etag)
                .post("/api/v1/appointments/" + id + "/confirm", Map.of())
                .status())
        .isEqualTo(200);
    var cancel = Map.of("reason", "the patient called");
    assertThat(
            desk.withHeader("If-Match", "\"999\"")
                .post("/api/v1/appointments/" + id + "/cancel", cancel)
                .status())
        .isEqualTo(412);
    assertThat(desk.get("/api/v1/appointments/" + id).text("status")).isEqualTo("BOOKED");
    assertThat(
            desk.withHeader("If-Match", desk.get("/api/v1/appointments/" + id).header("ETag"))
                .post("/api/v1/appointments/" + id + "/cancel", cancel)
                .status())
        .isEqualTo(200);
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswerOfACreateThatIsNoBooking() {
    var keyed = desk.withHeader("Idempotency-Key", UUID.randomUUID().toString());
    var body = Map.of("name", "Follow-up");
    var first = keyed.post("/api/v1/note-templates", body);
    var second = keyed.post("/api/v1/note-templates", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.text("id")).isEqualTo(first.text("id"));
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(desk.get("/api/v1/note-templates").body().path("items")).hasSize(1);

    var other = keyed.post("/api/v1/note-templates", Map.of("name", "Another"));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.text("type")).isEqualTo("/problems/idempotency-key-reused");
  }

  @Test
  void aDeprecatedOperationSaysSoInItsHeadersAndTheDocument() {
    var answer = desk.get("/api/v1/patients/imports/" + UUID.randomUUID() + "/rows");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Deprecation")).isEqualTo("@1796601600");
    assertThat(answer.header("Sunset")).isEqualTo("Mon, 07 Jun 2027 00:00:00 GMT");
    var unknown = UUID.randomUUID();
    assertThat(desk.get("/api/v1/patients/imports/" + unknown + "/rows").header("Link"))
        .isEqualTo(
            "</api/v1/patients/imports/" + unknown + "/outcomes>; rel=\"successor-version\"");
    var successor = desk.get("/api/v1/patients/imports/" + unknown + "/outcomes");
    assertThat(successor.status()).isEqualTo(404);
    assertThat(successor.header("Deprecation")).isEmpty();

    var document = api.get("/v3/api-docs").body().path("paths");
    assertThat(
            document
                .path("/api/v1/patients/imports/{importId}/rows")
                .path("get")
                .path("deprecated")
                .asBoolean())
        .isTrue();
  }

  @Test
  void theChangelogIsPublic() {
    var changelog = api.get("/api/v1/changelog");
    assertThat(changelog.status()).isEqualTo(200);
    assertThat(changelog.body().path("entries").size()).isGreaterThan(1);
    assertThat(changelog.header("ETag")).isNotBlank();
  }
}
