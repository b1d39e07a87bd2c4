package io.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import io.carebook.audit.AuditEntries;
import io.carebook.audit.AuditQuery;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A FHIR client reads and searches every resource type; each answer validates against the base R4
 * profiles; pages follow their next links; another organization's ids are not found; a key without
 * the permission is refused; and reading health data is logged once per patient.
 */
@CarebookTest
class FhirTests {

  static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  static final String R4 = "/api/fhir/r4";

  static FhirValidation validation;

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired AuditEntries entries;
  @LocalServerPort int port;

  @BeforeAll
  static void buildTheValidatorOnce() {
    validation = new FhirValidation();
  }

  /** An organization with one of everything: a patient seen today, booked again, billed. */
  record Clinic(
      Owner owner,
      Api desk,
      String doctor,
      String patient,
      String visit,
      String appointment,
      String allergy,
      String invoice) {}

  Clinic clinic(String patientName) {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var profile = new HashMap<String, Object>();
    profile.put("specialty", "Family medicine");
    profile.put("licenceNumber", "EG-12345");
    assertThat(desk.put("/api/v1/doctors/" + doctor + "/profile", profile, Map.of()).status())
        .isEqualTo(200);
    openAllWeek(desk, doctor);

    var walkIn = desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", patientName)));
    assertThat(walkIn.status()).as(walkIn.body().toString()).isEqualTo(201);
    var visit = walkIn.text("id");
    var started = desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    var patient =
        desk.get("/api/v1/visits/" + visit).body().path("visit").path("patientId").asString();

    var allergy =
        desk.post(
            "/api/v1/patients/" + patient + "/allergies",
            Map.of("substance", "Penicillin", "reaction", "hives", "severity", "SEVERE"));
    assertThat(allergy.status()).as(allergy.body().toString()).isEqualTo(201);
    var draft = desk.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
    var item =
        desk.post(
            "/api/v1/prescriptions/" + draft.text("id") + "/items",
            Map.of(
                "drug", "Paracetamol",
                "strength", "500 mg",
                "form", "tablet",
                "dose", "1 tablet",
                "frequency", "every 8 hours",
                "duration", "5 days",
                "route", "oral"));
    assertThat(item.status()).as(item.body().toString()).isIn(200, 201);

    var start = LocalDate.now(CAIRO).plusDays(2).atTime(10, 0).atZone(CAIRO).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of("doctorId", doctor, "startsAt", start.toString(), "patientId", patient));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);

    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient));
    assertThat(invoice.status()).as(invoice.body().toString()).isEqualTo(201);
    var line =
        desk.post(
            "/api/v1/invoices/" + invoice.text("id") + "/lines",
            Map.of("description", "Consultation", "quantity", 1, "unitPrice", "300.00"));
    assertThat(line.status()).as(line.body().toString()).isIn(200, 201);
    return new Clinic(
        owner,
        desk,
        doctor,
        patient,
        visit,
        booked.text("id"),
        allergy.text("id"),
        invoice.text("id"));
  }

  @Test
  void everyTypeIsReadAndSearchedAndValidatesAgainstTheBaseProfiles() {
    var c = clinic("Layla Fhir");
    var desk = c.desk();

    var metadata = valid(new Api(port).get(R4 + "/metadata"));
    var served = new ArrayList<String>();
    metadata
        .path("rest")
        .get(0)
        .path("resource")
        .forEach(r -> served.add(r.path("type").asString()));
    assertThat(served)
        .containsExactlyInAnyOrder(
            "Patient",
            "Practitioner",
            "PractitionerRole",
            "Organization",
            "Location",
            "Schedule",
            "Slot",
            "Appointment",
            "Encounter",
            "AllergyIntolerance",
            "MedicationRequest",
            "Invoice");

    var patient = read(desk, "Patient", c.patient());
    assertThat(patient.path("name").get(0).path("text").asString()).isEqualTo("Layla Fhir");
    assertThat(ids(search(desk, "Patient?name=layla"))).containsExactly(c.patient());

    read(desk, "Practitioner", c.doctor());
    assertThat(ids(search(desk, "Practitioner"))).containsExactly(c.doctor());

    var roles = ids(search(desk, "PractitionerRole?practitioner=Practitioner/" + c.doctor()));
    assertThat(roles).hasSize(1);
    var role = read(desk, "PractitionerRole", roles.getFirst());
    assertThat(role.path("specialty").get(0).path("text").asString()).isEqualTo("Family medicine");

    read(desk, "Organization", c.owner().tenant().value().toString());
    assertThat(ids(search(desk, "Organization")))
        .containsExactly(c.owner().tenant().value().toString());
    read(desk, "Location", c.owner().clinic().value().toString());
    assertThat(ids(search(desk, "Location")))
        .containsExactly(c.owner().clinic().value().toString());

    var schedules = ids(search(desk, "Schedule?actor=Practitioner/" + c.doctor()));
    assertThat(schedules).containsExactly(roles.getFirst());
    read(desk, "Schedule", schedules.getFirst());

    var day = LocalDate.now(CAIRO).plusDays(3);
    var slots =
        search(
            desk,
            "Slot?schedule=Schedule/"
                + schedules.getFirst()
                + "&start=ge"
                + day
                + "&start=le"
                + day);
    assertThat(slots.path("total").asInt()).isPositive();
    var slot = read(desk, "Slot", ids(slots).getFirst());
    assertThat(slot.path("status").asString()).isEqualTo("free");

    var appointment = read(desk, "Appointment", c.appointment());
    assertThat(appointment.path("status").asString()).isEqualTo("booked");
    assertThat(
            ids(
                search(
                    desk,
                    "Appointment?patient=Patient/"
                        + c.patient()
                        + "&date=ge"
                        + LocalDate.now(CAIRO)
                        + "&status=booked")))
        .containsExactly(c.appointment());
    assertThat(ids(search(desk, "Appointment?actor=Practitioner/" + c.doctor() + "&date=lt2000")))
        .isEmpty();

    var encounter = read(desk, "Encounter", c.visit());
    assertThat(encounter.path("status").asString()).isEqualTo("in-progress");
    assertThat(ids(search(desk, "Encounter?patient=" + c.patient()))).containsExactly(c.visit());

    var allergy = read(desk, "AllergyIntolerance", c.allergy());
    assertThat(allergy.path("code").path("text").asString()).isEqualTo("Penicillin");
    assertThat(ids(search(desk, "AllergyIntolerance?patient=Patient/" + c.patient())))
        .containsExactly(c.allergy());

    var requests = ids(search(desk, "MedicationRequest?patient=Patient/" + c.patient()));
    assertThat(requests).hasSize(1);
    var request = read(desk, "MedicationRequest", requests.getFirst());
    assertThat(request.path("status").asString()).isEqualTo("draft");
    assertThat(request.path("medicationCodeableConcept").path("text").asString())
        .startsWith("Paracetamol");

    var invoice = read(desk, "Invoice", c.invoice());
    assertThat(invoice.path("totalGross").path("currency").asString()).isEqualTo("EGP");
    assertThat(ids(search(desk, "Invoice?patient=Patient/" + c.patient() + "&status=draft")))
        .containsExactly(c.invoice());
  }

  @Test
  void aSearchPagesThroughItsNextLinksAndRefusesWhatItDoesNotKnow() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var desk = api.as(owner.token());
    for (int i = 0; i < 5; i++) {
      assertThat(desk.post("/api/v1/patients", Map.of("fullName", "Pager Person " + i)).status())
          .isEqualTo(201);
    }
    var seen = new HashSet<String>();
    var page = search(desk, "Patient?name=pager&_count=2");
    assertThat(page.path("total").asInt()).isEqualTo(5);
    var pages = 1;
    while (true) {
      var entries = ids(page);
      assertThat(entries).hasSizeLessThanOrEqualTo(2);
      seen.addAll(entries);
      var next = link(page, "next");
      if (next == null) {
        break;
      }
      var uri = URI.create(next);
      assertThat(uri.getRawPath()).isEqualTo(R4 + "/Patient");
      page = search(desk, "Patient?" + uri.getRawQuery());
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(5);

    for (var bad :
        List.of(
            "Patient?nickname=x",
            "Patient?_cursor=not-ours",
            "Patient?_count=many",
            "Appointment?date=ne2026-01-01",
            "Appointment?date=yesterday",
            "Appointment?status=pending",
            "AllergyIntolerance",
            "Encounter?patient=Practitioner/" + UUID.randomUUID())) {
      var refused = desk.get(R4 + "/" + bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/fhir+json");
      assertThat(refused.text("resourceType")).isEqualTo("OperationOutcome");
      valid(refused);
    }
    assertThat(desk.get(R4 + "/Observation/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void anotherOrganizationsIdsAreNotFoundAndAKeyWithoutChartAccessIsRefused() {
    var ours = clinic("Our Patient");
    var theirs = clinic("Their Patient");
    var desk = ours.desk();

    for (var path :
        List.of(
            "Patient/" + theirs.patient(),
            "AllergyIntolerance/" + theirs.allergy(),
            "Appointment/" + theirs.appointment(),
            "Encounter/" + theirs.visit(),
            "Invoice/" + theirs.invoice(),
            "Location/" + theirs.owner().clinic().value(),
            "Organization/" + theirs.owner().tenant().value(),
            "Practitioner/" + theirs.doctor(),
            "Patient/not-a-uuid")) {
      var missing = desk.get(R4 + "/" + path);
      assertThat(missing.status()).as(path).isEqualTo(404);
      assertThat(missing.text("resourceType")).isEqualTo("OperationOutcome");
      valid(missing);
    }
    assertThat(search(desk, "AllergyIntolerance?patient=" + theirs.patient()).path("total").asInt())
        .isZero();

    var key =
        desk.post(
            "/api/v1/api-keys", Map.of("name", "FHIR reader", "actions", List.of("PATIENT_VIEW")));
    assertThat(key.status()).as(key.body().toString()).isEqualTo(201);
    var reader = new Api(port).withHeader("X-API-Key", key.text("secret"));
    read(reader, "Patient", ours.patient());
    var refused = reader.get(R4 + "/AllergyIntolerance?patient=" + ours.patient());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("resourceType")).isEqualTo("OperationOutcome");
    assertThat(reader.get(R4 + "/MedicationRequest/" + UUID.randomUUID()).status()).isEqualTo(403);
    assertThat(new Api(port).get(R4 + "/Patient/" + ours.patient()).status()).isEqualTo(401);
  }

  @Test
  void readingHealthDataIsLoggedOncePerPatientPerRequest() {
    var c = clinic("Logged Patient");
    search(c.desk(), "AllergyIntolerance?patient=" + c.patient());
    read(c.desk(), "AllergyIntolerance", c.allergy());
    search(c.desk(), "Practitioner");

    var views =
        tenants.call(
            c.owner().tenant(),
            () ->
                entries.find(
                    new AuditQuery(
                        null,
                        UUID.fromString(c.patient()),
                        "fhir/AllergyIntolerance",
                        null,
                        null,
                        null,
                        null,
                        null),
                    ZoneOffset.UTC,
                    10));
    assertThat(views).hasSize(2);
    var practitioners =
        tenants.call(
            c.owner().tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, null, "fhir/Practitioner", null, null, null, null, null),
                    ZoneOffset.UTC,
                    10));
    assertThat(practitioners).isEmpty();
  }

  private JsonNode read(Api client, String type, String id) {
    var json = valid(client.get(R4 + "/" + type + "/" + id));
    assertThat(json.path("resourceType").asString()).isEqualTo(type);
    assertThat(json.path("id").asString()).isEqualTo(id);
    return json;
  }

  private JsonNode search(Api client, String query) {
    var bundle = valid(client.get(R4 + "/" + query));
    assertThat(bundle.path("resourceType").asString()).isEqualTo("Bundle");
    assertThat(bundle.path("type").asString()).isEqualTo("searchset");
    assertThat(link(bundle, "self")).isNotNull();
    return bundle;
  }

  private static JsonNode valid(Api.Response response) {
    assertThat(response.header("Content-Type")).startsWith("application/fhir+json");
    validation.valid(response.raw().body());
    return response.body();
  }

  private static List<String> ids(JsonNode bundle) {
    var ids = new ArrayList<String>();
    bundle.path("entry").forEach(e -> ids.add(e.path("resource").path("id").asString()));
    return ids;
  }

  private static @org.jspecify.annotations.Nullable String link(JsonNode bundle, String relation) {
    for (var link : bundle.path("link")) {
      if (link.path("relation").asString().equals(relation)) {
        return link.path("url").asString();
      }
    }
    return null;
  }

  private static void openAllWeek(Api desk, String doctor) {
    var week = new ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    var hours = desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of());
    assertThat(hours.status()).as(hours.body().toString()).isEqualTo(200);
    var rules =
        desk.put(
            "/api/v1/booking-rules",
            Map.of(
                "durationMinutes", 15,
                "bufferBeforeMinutes", 0,
                "bufferAfterMinutes", 0,
                "minimumNoticeMinutes", 0,
                "horizonDays", 60,
                "alignmentMinutes", 15,
                "seats", 1),
            Map.of());
    assertThat(rules.status()).as(rules.body().toString()).isEqualTo(200);
  }
}
