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
    var desk = deskWithPatients("Pager Person ", 5);
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
  void aPatientSearchsCursorIsEncodedOnceLikeTheOtherKeysetSearchesAndAnOldOneStartsAgain() {
    var desk = deskWithPatients("Cursor Person ", 3);
    var first = search(desk, "Patient?name=cursor&_count=2");
    var next = URI.create(link(first, "next")).getRawQuery();
    var cursor = next.substring(next.indexOf("_cursor=") + "_cursor=".length());
    var key = io.carebook.shared.web.CursorPage.decode(cursor);
    assertThat(key)
        .as("the key itself, as Appointment's and Encounter's: registration/id")
        .matches("\\d{4}-\\d\\d-\\d\\dT[^/]+Z/[0-9a-f-]{36}");
    var second = search(desk, "Patient?name=cursor&_count=2&_cursor=" + cursor);
    assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));

    var slash = key.indexOf('/');
    var doubled =
        io.carebook.shared.web.CursorPage.encode(
            java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    (key.substring(0, slash) + "|" + key.substring(slash + 1))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    var old = desk.get(R4 + "/Patient?name=cursor&_count=2&_cursor=" + doubled);
    assertThat(old.status()).as("a cursor of the earlier, twice-encoded shape").isEqualTo(400);
    assertThat(old.text("resourceType")).isEqualTo("OperationOutcome");
    assertThat(old.body().toString()).contains("start again without a cursor");
    valid(old);
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

  /** A FHIR Appointment to book: the patient with the doctor at {@code start}. */
  static Map<String, Object> appointment(
      String patient,
      String doctor,
      @org.jspecify.annotations.Nullable String clinic,
      Object start) {
    var participants = new ArrayList<Map<String, Object>>();
    participants.add(
        Map.of("actor", Map.of("reference", "Patient/" + patient), "status", "accepted"));
    participants.add(
        Map.of("actor", Map.of("reference", "Practitioner/" + doctor), "status", "accepted"));
    if (clinic != null) {
      participants.add(
          Map.of("actor", Map.of("reference", "Location/" + clinic), "status", "accepted"));
    }
    var resource = new HashMap<String, Object>();
    resource.put("resourceType", "Appointment");
    resource.put("status", "booked");
    resource.put("start", start.toString());
    resource.put("participant", participants);
    return resource;
  }

  @Test
  void anAppointmentCreatedOverFhirIsABookingByTheClinicsRules() {
    var c = clinic("Booked Over Fhir");
    var desk = c.desk();
    var clinicId = c.owner().clinic().value().toString();
    var start = LocalDate.now(CAIRO).plusDays(4).atTime(11, 0).atZone(CAIRO).toInstant();
    var body = appointment(c.patient(), c.doctor(), clinicId, start);
    body.put("minutesDuration", 15);
    body.put("serviceType", List.of(Map.of("text", "Standard visit")));

    var created = desk.post(R4 + "/Appointment", body);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    valid(created);
    var id = created.text("id");
    assertThat(created.body().path("status").asString()).isEqualTo("booked");
    assertThat(created.body().path("meta").path("versionId").asString()).isEqualTo("0");
    assertThat(created.header("Location")).endsWith(R4 + "/Appointment/" + id + "/_history/0");
    assertThat(created.header("ETag")).isEqualTo("W/\"0\"");

    var read = desk.get(R4 + "/Appointment/" + id);
    assertThat(read.header("ETag")).isEqualTo("W/\"0\"");
    assertThat(read(desk, "Appointment", id).path("start").asString())
        .isEqualTo(created.body().path("start").asString());
    var v1 = desk.get("/api/v1/appointments/" + id);
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.text("patientId")).isEqualTo(c.patient());
    assertThat(v1.text("doctorId")).isEqualTo(c.doctor());
    assertThat(v1.text("startsAt")).isEqualTo(start.toString());

    var again = desk.post(R4 + "/Appointment", appointment(c.patient(), c.doctor(), null, start));
    assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
    valid(again);
    var viaV1 =
        desk.post(
            "/api/v1/appointments",
            Map.of("doctorId", c.doctor(), "startsAt", start.toString(), "patientId", c.patient()));
    assertThat(viaV1.status()).isEqualTo(409);
    var issue = again.body().path("issue").get(0);
    assertThat(issue.path("code").asString()).isEqualTo("conflict");
    var codes = new ArrayList<String>();
    issue
        .path("details")
        .path("coding")
        .forEach(k -> codes.add(k.path("system").asString() + "|" + k.path("code").asString()));
    assertThat(codes)
        .contains(
            FhirJson.PROBLEM_SYSTEM + "|slot-taken",
            FhirJson.POLICY_SYSTEM + "|" + viaV1.text("policy"));
    assertThat(issue.path("diagnostics").asString()).contains(viaV1.text("policy"));

    var audited =
        tenants.call(
            c.owner().tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, null, "appointments", id, "INSERT", null, null, null),
                    ZoneOffset.UTC,
                    10));
    assertThat(audited).hasSize(1);

    var later = start.plus(java.time.Duration.ofHours(1));
    var keyed = desk.withHeader("Idempotency-Key", UUID.randomUUID().toString());
    var first = keyed.post(R4 + "/Appointment", appointment(c.patient(), c.doctor(), null, later));
    assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
    var retry = keyed.post(R4 + "/Appointment", appointment(c.patient(), c.doctor(), null, later));
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.text("id")).isEqualTo(first.text("id"));

    var onDay = LocalDate.now(CAIRO).plusDays(4);
    var seventh = LocalDate.now(CAIRO).plusDays(7).atTime(10, 0).atZone(CAIRO).toInstant();
    var fresh =
        desk.withHeader(
                "If-None-Exist",
                "patient=Patient/" + c.patient() + "&date=" + seventh.atZone(CAIRO).toLocalDate())
            .post(R4 + "/Appointment", appointment(c.patient(), c.doctor(), null, seventh));
    assertThat(fresh.status()).as(fresh.body().toString()).isEqualTo(201);
    var found =
        desk.withHeader(
                "If-None-Exist",
                "patient=Patient/" + c.patient() + "&date=" + seventh.atZone(CAIRO).toLocalDate())
            .post(
                R4 + "/Appointment",
                appointment(c.patient(), c.doctor(), null, seventh.plusSeconds(1800)));
    assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
    assertThat(found.text("id")).isEqualTo(fresh.text("id"));
    var ambiguous =
        desk.withHeader("If-None-Exist", "patient=Patient/" + c.patient() + "&date=" + onDay)
            .post(
                R4 + "/Appointment",
                appointment(c.patient(), c.doctor(), null, seventh.plusSeconds(3600)));
    assertThat(ambiguous.status()).as(ambiguous.body().toString()).isEqualTo(412);
    valid(ambiguous);
  }

  @Test
  void anAppointmentThatCannotBeBookedAsGivenIsRefusedAndNothingIsBooked() {
    var ours = clinic("Refused Over Fhir");
    var theirs = clinic("Not Ours");
    var desk = ours.desk();
    var start = LocalDate.now(CAIRO).plusDays(5).atTime(9, 0).atZone(CAIRO).toInstant();

    var noPatient = appointment(ours.patient(), ours.doctor(), null, start);
    noPatient.put(
        "participant",
        List.of(
            Map.of(
                "actor",
                Map.of("reference", "Practitioner/" + ours.doctor()),
                "status",
                "accepted")));
    var endBeforeStart = appointment(ours.patient(), ours.doctor(), null, start);
    endBeforeStart.put("end", start.minusSeconds(900).toString());
    var noStart = appointment(ours.patient(), ours.doctor(), null, start);
    noStart.remove("start");
    var wrongLength = appointment(ours.patient(), ours.doctor(), null, start);
    wrongLength.put("minutesDuration", 40);
    var otherClinic =
        appointment(
            ours.patient(), ours.doctor(), theirs.owner().clinic().value().toString(), start);
    for (var bad : List.of(noPatient, endBeforeStart, noStart, wrongLength, otherClinic)) {
      var refused = desk.post(R4 + "/Appointment", bad);
      assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
      valid(refused);
      assertThat(refused.body().path("issue").get(0).path("code").asString()).isEqualTo("invalid");
    }
    var notFhir = desk.postRaw(R4 + "/Appointment", "{\"resourceType\":\"Patient\"}");
    assertThat(notFhir.status()).isEqualTo(400);
    valid(notFhir);

    for (var foreign :
        List.of(
            appointment(theirs.patient(), ours.doctor(), null, start),
            appointment(ours.patient(), theirs.doctor(), null, start),
            appointment("not-an-id", ours.doctor(), null, start))) {
      var missing = desk.post(R4 + "/Appointment", foreign);
      assertThat(missing.status()).as(missing.body().toString()).isEqualTo(404);
      valid(missing);
      assertThat(missing.body().path("issue").get(0).path("code").asString())
          .isEqualTo("not-found");
    }
    var day =
        desk.get(
            "/api/v1/appointments?from="
                + start.minusSeconds(3600)
                + "&to="
                + start.plusSeconds(3600));
    assertThat(day.body().path("items")).as("nothing booked by a refusal").isEmpty();

    var key =
        desk.post("/api/v1/api-keys", Map.of("name", "Reader", "actions", List.of("PATIENT_VIEW")));
    var reader = new Api(port).withHeader("X-API-Key", key.text("secret"));
    var forbidden =
        reader.post(R4 + "/Appointment", appointment(ours.patient(), ours.doctor(), null, start));
    assertThat(forbidden.status()).isEqualTo(403);
    valid(forbidden);
  }

  @Test
  void errorsBeforeTheControllerAreOperationOutcomesToo() throws Exception {
    var c = clinic("Edge Patient");
    var anonymous = new Api(port).get(R4 + "/Patient/" + c.patient());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(valid(anonymous).path("issue").get(0).path("code").asString()).isEqualTo("login");
    var badKey =
        new Api(port).withHeader("X-API-Key", "cbk_not_a_key").get(R4 + "/Patient/" + c.patient());
    assertThat(badKey.status()).isEqualTo(401);
    valid(badKey);

    var unknown = c.desk().get(R4 + "/Patient/" + c.patient() + "/_history/1/more");
    assertThat(unknown.status()).isEqualTo(404);
    valid(unknown);
    var method = c.desk().delete(R4 + "/Patient/" + c.patient());
    assertThat(method.status()).isEqualTo(405);
    valid(method);

    var http = java.net.http.HttpClient.newHttpClient();
    var plain =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + R4 + "/Appointment"))
                .header("Authorization", "Bearer " + c.owner().token())
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("book me"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(plain.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    validation.valid(plain.body());

    assertThat(c.desk().get("/api/v1/patients/" + UUID.randomUUID()).header("Content-Type"))
        .as("the rest of the API keeps its problems")
        .startsWith("application/problem+json");
  }

  @Test
  void appointmentsAndEncountersByDatePageInTheDatabaseThroughEveryNextLink() {
    var c = clinic("Walked Pages");
    var desk = c.desk();
    var day = LocalDate.now(CAIRO).plusDays(6);
    var booked = new ArrayList<String>();
    booked.add(c.appointment()); // day + 2, the first by start
    for (int i = 0; i < 7; i++) {
      var start = day.atTime(9, 0).plusMinutes(15L * i).atZone(CAIRO).toInstant();
      var made =
          desk.post(
              "/api/v1/appointments",
              Map.of(
                  "doctorId", c.doctor(), "startsAt", start.toString(), "patientId", c.patient()));
      assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
      booked.add(made.text("id"));
    }

    var seen = new ArrayList<String>();
    var page = search(desk, "Appointment?patient=Patient/" + c.patient() + "&_count=3");
    assertThat(page.has("total")).as("not known before the last page").isFalse();
    var pages = 0;
    while (true) {
      pages++;
      var ids = ids(page);
      assertThat(ids).hasSizeLessThanOrEqualTo(3);
      seen.addAll(ids);
      if (pages == 1) { // booked before the cursor meanwhile: no page shifts
        assertThat(
                desk.post(
                        "/api/v1/appointments",
                        Map.of(
                            "doctorId",
                            c.doctor(),
                            "startsAt",
                            LocalDate.now(CAIRO)
                                .plusDays(1)
                                .atTime(9, 0)
                                .atZone(CAIRO)
                                .toInstant()
                                .toString(),
                            "patientId",
                            c.patient()))
                    .status())
            .isEqualTo(201);
      }
      var next = link(page, "next");
      if (next == null) {
        break;
      }
      page = search(desk, "Appointment?" + URI.create(next).getRawQuery());
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(booked);
    var whole = search(desk, "Appointment?patient=Patient/" + c.patient() + "&_count=100");
    assertThat(whole.path("total").asInt()).isEqualTo(9);

    for (int i = 0; i < 3; i++) {
      var walkIn =
          desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "Walk In " + i)));
      assertThat(walkIn.status()).as(walkIn.body().toString()).isEqualTo(201);
    }
    var today = LocalDate.now(CAIRO);
    var visits = new ArrayList<String>();
    var encounters = search(desk, "Encounter?date=" + today + "&_count=2");
    while (true) {
      visits.addAll(ids(encounters));
      var next = link(encounters, "next");
      if (next == null) {
        break;
      }
      encounters = search(desk, "Encounter?" + URI.create(next).getRawQuery());
    }
    assertThat(visits).hasSize(4).doesNotHaveDuplicates().contains(c.visit());
    assertThat(ids(search(desk, "Encounter?date=" + today + "&status=in-progress")))
        .containsExactly(c.visit());
    assertThat(ids(search(desk, "Encounter?date=" + today.minusDays(3)))).isEmpty();

    for (var bad :
        List.of(
            "Encounter?date=ge" + today,
            "Encounter",
            "Encounter?date=ge" + today + "&date=lt" + today.plusDays(200),
            "Appointment?_cursor=" + io.carebook.shared.web.CursorPage.encode(c.appointment()))) {
      var refused = desk.get(R4 + "/" + bad);
      assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
      valid(refused);
    }
  }

  /** A new organization's desk with {@code count} patients named {@code name} and a number. */
  private Api deskWithPatients(String name, int count) {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var desk = api.as(owner.token());
    for (int i = 0; i < count; i++) {
      assertThat(desk.post("/api/v1/patients", Map.of("fullName", name + i)).status())
          .isEqualTo(201);
    }
    return desk;
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
