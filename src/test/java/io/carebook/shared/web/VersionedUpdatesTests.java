package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.clinical.ClinicalFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The records versioned on 2026-12-07 (V1240, V1241) take If-Match on their update, one module
 * after another, each the same three ways (docs/api/conventions.md, "Versions"): a stale If-Match
 * is 412 {@code stale-write} and changes nothing (the state read back and the ETag are as before);
 * the ETag read is applied and answers a new one; none at all is still applied (the v1 promise).
 * Updates that can happen once (finalize, void) take a fresh record for the last.
 */
@CarebookTest
class VersionedUpdatesTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;
  Api desk;
  TestOrganizations.Owner owner;
  String me;

  @BeforeEach
  void openClinic() {
    var api = new Api(port);
    owner = organizations.signUp(api);
    desk = api.as(owner.token());
    me = desk.get("/api/v1/me").text("userId");
  }

  /**
   * An update of one record: how its ETag is read now (a header of its GET, or its version field as
   * an ETag), the change sent with the headers of {@code api}, and what of it can be seen.
   */
  record Update(Supplier<String> etag, Function<Api, Api.Response> write, Supplier<Object> state) {}

  private void honoursIfMatch(Supplier<Update> record, boolean once) {
    var update = record.get();
    var etag = update.etag().get();
    assertThat(etag).matches("\"\\d+\"");
    var before = update.state().get();

    var stale = update.write().apply(desk.withHeader("If-Match", "\"999\""));
    assertThat(stale.status()).as(stale.body().toString()).isEqualTo(412);
    assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
    assertThat(stale.text("type")).isEqualTo("/problems/stale-write");
    assertThat(update.state().get()).as("nothing changed").isEqualTo(before);
    assertThat(update.etag().get()).isEqualTo(etag);

    var matching = update.write().apply(desk.withHeader("If-Match", etag));
    assertThat(matching.status()).as(matching.body().toString()).isBetween(200, 204);
    var next = update.etag().get();
    assertThat(next).as("a new version").isNotEqualTo(etag);
    assertThat(update.state().get()).as("the change applied").isNotEqualTo(before);
    if (!matching.header("ETag").isEmpty()) {
      assertThat(matching.header("ETag")).as("the answer's ETag is the new one").isEqualTo(next);
    }
    if (!once) {
      var again = update.write().apply(desk.withHeader("If-Match", etag));
      assertThat(again.status()).as("the ETag of before the change").isEqualTo(412);
    }

    var unversioned = once ? record.get() : update;
    var read = unversioned.etag().get();
    var missing = unversioned.write().apply(desk);
    assertThat(missing.status()).as(missing.body().toString()).isBetween(200, 204);
    assertThat(unversioned.etag().get()).as("applied without If-Match").isNotEqualTo(read);
  }

  private String etagOf(String path) {
    var read = desk.get(path);
    assertThat(read.status()).as(path + " " + read.body()).isEqualTo(200);
    return read.header("ETag");
  }

  /** The ETag of an item's version field; "gone" once it left the list (a voided entry). */
  private static String versionOf(JsonNode items, String field, String value) {
    for (var item : items) {
      if (item.path(field).asString().equals(value)) {
        assertThat(item.has("version")).as(item.toString()).isTrue();
        return ETags.of(item.path("version").asInt());
      }
    }
    return "gone";
  }

  private static boolean active(JsonNode services, String id) {
    for (var service : services) {
      if (service.path("id").asString().equals(id)) {
        return service.path("active").asBoolean();
      }
    }
    throw new AssertionError("no service " + id);
  }

  private static int counter;

  /** Each write differs from the last, so a change applied can be seen. */
  private static int next() {
    return ++counter;
  }

  @Test
  void tenancyClinicSettings() {
    var path = "/api/v1/clinics/" + owner.clinic().value();
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(path),
                api -> api.put(path, Map.of("name", "Clinic " + next(), "country", "EG"), Map.of()),
                () -> desk.get(path).text("name")),
        false);
  }

  @Test
  void schedulingRulesPricePhoneCountriesHoursAndDayOverrides() {
    var rules = "/api/v1/booking-rules";
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(rules),
                api ->
                    api.put(
                        rules,
                        Map.of(
                            "durationMinutes",
                            desk.get(rules).body().path("durationMinutes").asInt() == 20 ? 25 : 20,
                            "bufferBeforeMinutes",
                            0,
                            "bufferAfterMinutes",
                            0,
                            "minimumNoticeMinutes",
                            60,
                            "horizonDays",
                            60,
                            "alignmentMinutes",
                            5,
                            "seats",
                            1),
                        Map.of()),
                () -> desk.get(rules).body().path("durationMinutes").asInt()),
        false);
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(rules),
                api ->
                    api.put(
                        "/api/v1/service-types/price",
                        Map.of("serviceType", "", "price", 100 + next()),
                        Map.of()),
                () -> etagOf(rules)), // the price shows only on the public page
        false);

    var countries = "/api/v1/booking-rules/phone-countries";
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(countries),
                api ->
                    api.put(
                        countries,
                        Map.of(
                            "countries",
                            List.of(
                                desk.get(countries)
                                        .body()
                                        .path("countries")
                                        .toString()
                                        .contains("SA")
                                    ? "JO"
                                    : "SA")),
                        Map.of()),
                () -> desk.get(countries).body().path("countries").toString()),
        false);

    var hours = "/api/v1/doctors/" + me + "/hours";
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(hours),
                api ->
                    api.put(
                        hours,
                        List.of(
                            Map.of(
                                "day",
                                "MONDAY",
                                "starts",
                                "09:00",
                                "ends",
                                desk.get(hours).body().toString().contains("12:00")
                                    ? "13:00"
                                    : "12:00")),
                        Map.of()),
                () -> desk.get(hours).body().path("items").toString()),
        false);
    var overrides = "/api/v1/doctors/" + me + "/day-overrides";
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(hours),
                api ->
                    api.post(
                        overrides,
                        Map.of(
                            "day", LocalDate.now().plusDays(3 + next()).toString(), "kind", "OFF")),
                () -> etagOf(hours)),
        false);
  }

  @Test
  void billingServices() {
    honoursIfMatch(
        () -> {
          var code = "S" + next();
          var id =
              desk.post(
                      "/api/v1/services",
                      Map.of("code", code, "name", "Dressing", "kind", "PROCEDURE", "price", 50))
                  .text("id");
          Supplier<JsonNode> services = () -> desk.get("/api/v1/services").body();
          return new Update(
              () -> versionOf(services.get(), "id", id),
              api ->
                  api.patch(
                      "/api/v1/services/" + id, Map.of("active", !active(services.get(), id))),
              () -> services.get().toString());
        },
        false);
  }

  @Test
  void identityDoctorProfile() {
    var doctors = "/api/v1/doctors";
    honoursIfMatch(
        () ->
            new Update(
                () -> versionOf(desk.get(doctors).body().path("items"), "userId", me),
                api ->
                    api.put(
                        doctors + "/" + me + "/profile",
                        Map.of("specialty", "Family medicine " + next()),
                        Map.of()),
                () -> desk.get(doctors).body().path("items").toString()),
        false);
  }

  @Test
  void frontDeskSettings() {
    var settings = "/api/v1/front-desk/settings";
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(settings),
                api ->
                    api.put(
                        settings,
                        Map.of(
                            "tokenScope",
                            desk.get(settings).text("tokenScope").equals("CLINIC")
                                ? "DOCTOR"
                                : "CLINIC"),
                        Map.of()),
                () -> desk.get(settings).body().toString()),
        false);
  }

  @Test
  void notificationsTemplatesAndMessagePreferences() {
    var templates = "/api/v1/message-templates?locale=en";
    honoursIfMatch(
        () ->
            new Update(
                () -> versionOf(desk.get(templates).body(), "kind", "APPOINTMENT_BOOKED"),
                api ->
                    api.put(
                        "/api/v1/message-templates/APPOINTMENT_BOOKED/en",
                        Map.of(
                            "subject",
                            "Booked",
                            "body",
                            "Hello {firstName}, see you {when} (" + next() + ")."),
                        Map.of()),
                () -> desk.get(templates).body().toString()),
        false);

    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Nour Hamdy")).text("id");
    var preferences = "/api/v1/patients/" + patient + "/message-preferences";
    honoursIfMatch(
        () ->
            new Update(
                () -> etagOf(preferences),
                api ->
                    api.put(
                        preferences,
                        Map.of(
                            "language",
                            desk.get(preferences).body().path("language").toString().contains("es")
                                ? "ar"
                                : "es",
                            "optedOut",
                            false),
                        Map.of()),
                () -> desk.get(preferences).body().toString()),
        false);
  }

  @Test
  void clinicalVitalsAndPrescriptions() {
    var visit = ClinicalFixtures.visit(desk, "Hala Samir", "start-doctor");
    var encounter = "/api/v1/visits/" + visit + "/encounter";
    honoursIfMatch(
        () -> {
          var vitals =
              desk.post("/api/v1/visits/" + visit + "/vitals", Map.of("pulse", 70 + next()))
                  .text("id");
          return new Update(
              () -> versionOf(desk.get(encounter).body().path("vitals"), "id", vitals),
              api ->
                  api.post(
                      "/api/v1/visits/" + visit + "/vitals/" + vitals + "/void",
                      Map.of("reason", "typed on the wrong visit")),
              () -> desk.get(encounter).body().path("vitals").toString());
        },
        true);

    Supplier<String> draft =
        () -> {
          var id = desk.post("/api/v1/visits/" + visit + "/prescriptions", Map.of()).text("id");
          var added =
              desk.post("/api/v1/prescriptions/" + id + "/items", Map.of("drug", "Ibuprofen"));
          assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
          return id;
        };
    Function<String, Supplier<Object>> shown =
        id -> () -> desk.get("/api/v1/prescriptions/" + id).body().toString();
    honoursIfMatch(
        () -> {
          var id = draft.get();
          var item = desk.get("/api/v1/prescriptions/" + id).body().path("items").get(0).path("id");
          return new Update(
              () -> etagOf("/api/v1/prescriptions/" + id),
              api ->
                  api.post(
                      "/api/v1/prescriptions/" + id + "/items/" + item.asString() + "/void",
                      Map.of("reason", "wrong drug")),
              shown.apply(id));
        },
        true);
    honoursIfMatch(
        () -> {
          var id = draft.get();
          return new Update(
              () -> etagOf("/api/v1/prescriptions/" + id),
              api -> api.post("/api/v1/prescriptions/" + id + "/finalize", Map.of()),
              shown.apply(id));
        },
        true);
    honoursIfMatch(
        () -> {
          var id = draft.get();
          return new Update(
              () -> etagOf("/api/v1/prescriptions/" + id),
              api ->
                  api.post(
                      "/api/v1/prescriptions/" + id + "/void", Map.of("reason", "wrong patient")),
              shown.apply(id));
        },
        true);

    var finalized = draft.get();
    var path = "/api/v1/prescriptions/" + finalized;
    assertThat(desk.post(path + "/finalize", Map.of()).status()).isEqualTo(200);
    var read = etagOf(path);
    var addendum = desk.post(path + "/addenda", Map.of("body", "Take with food."));
    assertThat(addendum.status()).as(addendum.body().toString()).isEqualTo(201);
    assertThat(etagOf(path)).as("an addendum is a change of what GET answers").isNotEqualTo(read);
  }

  @Test
  void patientsSafetyEntryVoid() {
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Omar Fathy")).text("id");
    var allergies = "/api/v1/patients/" + patient + "/allergies";
    honoursIfMatch(
        () -> {
          var id =
              desk.post(
                      allergies,
                      Map.of(
                          "substance",
                          "Penicillin " + next(),
                          "reaction",
                          "rash",
                          "severity",
                          "MILD"))
                  .text("id");
          return new Update(
              () -> versionOf(desk.get(allergies).body().path("items"), "id", id),
              api ->
                  api.post(
                      allergies + "/" + id + "/void", Map.of("reason", "recorded for another")),
              () -> desk.get(allergies).body().path("items").toString());
        },
        true);
  }
}
