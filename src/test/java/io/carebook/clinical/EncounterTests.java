package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.TenantTransactions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Vitals and the SOAP note of a visit: draft, signed, then addenda; never changed after. */
@CarebookTest
class EncounterTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @Autowired ClinicalEventLog events;
  @LocalServerPort int port;

  TestOrganizations.Owner owner;
  Api doctor;

  @BeforeEach
  void openClinic() {
    var api = new Api(port);
    owner = organizations.signUp(api);
    doctor = api.as(owner.token());
  }

  @Test
  void implausibleVitalsAreFieldErrorsAndPlausibleOnesAreRecordedWithTheirUnits() {
    var visit = ClinicalFixtures.visit(doctor, "Vital Signs", "start-assistant");
    var refused =
        doctor.post(
            "/api/v1/visits/" + visit + "/vitals",
            Map.of("systolic", 400, "diastolic", 80, "temperature", 52.5, "oxygen", 97));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).isEqualTo("/problems/invalid-input");
    assertThat(refused.body().path("errors"))
        .extracting(e -> e.path("field").asString())
        .containsExactlyInAnyOrder("systolic", "temperature");
    assertThat(refused.body().path("errors").get(0).path("message").asString()).contains("mmHg");
    assertThat(doctor.post("/api/v1/visits/" + visit + "/vitals", Map.of()).status())
        .isEqualTo(400);
    assertThat(
            doctor.postRaw("/api/v1/visits/" + visit + "/vitals", "{\"pulse\": \"fast\"}").status())
        .isEqualTo(400);

    var recorded =
        doctor.post(
            "/api/v1/visits/" + visit + "/vitals",
            Map.of("systolic", 128, "diastolic", 84, "pulse", 76, "temperature", 37.4));
    assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
    var record = doctor.get("/api/v1/visits/" + visit + "/encounter").body();
    assertThat(record.path("encounter").path("visitId").asString()).isEqualTo(visit);
    var entered =
        doctor.post("/api/v1/visits/" + visit + "/vitals", Map.of("weight", 71.5)).text("id");
    var vitalsPath = "/api/v1/visits/" + visit + "/vitals/" + entered + "/void";
    assertThat(doctor.post(vitalsPath, Map.of()).status()).isEqualTo(400);
    assertThat(doctor.post(vitalsPath, Map.of("reason", "wrong patient")).status()).isEqualTo(204);
    assertThat(doctor.post(vitalsPath, Map.of("reason", "again")).status()).isEqualTo(404);
    record = doctor.get("/api/v1/visits/" + visit + "/encounter").body();
    assertThat(record.path("vitals").get(1).path("voided").path("reason").asString())
        .isEqualTo("wrong patient");
    assertThat(record.path("vitals").get(0).path("systolic").asInt()).isEqualTo(128);
    assertThat(record.path("vitals").get(0).path("temperature").asDouble()).isEqualTo(37.4);
  }

  @Test
  void aSignedNoteTakesAddendaOnlyThroughTheApiAndInTheDatabase() {
    var visit = ClinicalFixtures.visit(doctor, "Sore Throat", "start-doctor");
    var note = "/api/v1/visits/" + visit + "/note";
    var badCode = new java.util.HashMap<>(ClinicalFixtures.soap());
    badCode.put("icd10", "pharyngitis");
    var refused = doctor.put(note, badCode, Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("icd10");

    var nul = doctor.put(note, Map.of("plan", "bad\u0000byte"), Map.of());
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body().path("errors").get(0).path("field").asString()).isEqualTo("plan");
    var tooLong = doctor.put(note, Map.of("subjective", "x".repeat(20_001)), Map.of());
    assertThat(tooLong.status()).isEqualTo(400);

    var draft = doctor.put(note, ClinicalFixtures.soap(), Map.of());
    assertThat(draft.status()).as(draft.body().toString()).isEqualTo(200);
    assertThat(draft.text("icd10")).isEqualTo("J02.9");
    assertThat(draft.text("status")).isEqualTo("DRAFT");
    var stale = doctor.put(note, ClinicalFixtures.soap(), Map.of("If-Match", "\"99\""));
    assertThat(stale.status()).isEqualTo(412);
    var addendumTooEarly = doctor.post(note + "/addenda", Map.of("body", "too early"));
    assertThat(addendumTooEarly.status()).isEqualTo(409);

    var signed = doctor.post(note + "/sign", Map.of());
    assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
    assertThat(signed.text("status")).isEqualTo("SIGNED");
    assertThat(signed.text("signedBy")).isNotBlank();
    assertThat(events.of(EncounterSigned.class))
        .anyMatch(
            e ->
                e.visitId().toString().equals(visit)
                    && e.tenantId().equals(owner.tenant())
                    && e.noteId().toString().equals(signed.text("id")));

    var changed = doctor.put(note, Map.of("plan", "something else"), Map.of());
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.text("type")).isEqualTo("/problems/note-signed");
    assertThat(doctor.post(note + "/sign", Map.of()).status()).isEqualTo(409);

    var addendum = doctor.post(note + "/addenda", Map.of("body", "Rapid strep test negative."));
    assertThat(addendum.status()).as(addendum.body().toString()).isEqualTo(201);
    assertThat(addendum.body().path("addenda").get(0).path("body").asString())
        .isEqualTo("Rapid strep test negative.");
    assertThat(addendum.body().path("addenda").get(0).path("signedAt").asString()).isNotBlank();

    // as the application role, in the organization: the content is refused, addenda too
    var noteId = UUID.fromString(signed.text("id"));
    for (var sql :
        new String[] {
          "update clinical_notes set plan = 'changed' where id = ?",
          "update clinical_notes set status = 'DRAFT', signed_at = null where id = ?",
          "delete from clinical_notes where id = ?",
          "update note_addenda set body = 'changed' where note_id = ?"
        }) {
      assertThatThrownBy(
              () -> tenants.run(owner.tenant(), () -> jdbc.sql(sql).param(noteId).update()))
          .as(sql)
          .isInstanceOf(DataAccessException.class);
    }
    // voiding is the one change a signed note takes, and it stays in the history
    assertThat(doctor.post(note + "/void", Map.of("reason", " ")).status()).isEqualTo(400);
    assertThat(doctor.post(note + "/void", Map.of("reason", "wrong patient")).status())
        .isEqualTo(204);
    var voided = doctor.get("/api/v1/visits/" + visit + "/encounter").body().path("note");
    assertThat(voided.path("voided").path("reason").asString()).isEqualTo("wrong patient");
    assertThat(voided.path("plan").asString()).isEqualTo("Fluids, paracetamol; back if worse");
    assertThatThrownBy(
            () ->
                tenants.run(
                    owner.tenant(),
                    () ->
                        jdbc.sql("update clinical_notes set void_reason = 'other' where id = ?")
                            .param(noteId)
                            .update()))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void anotherOrganizationsVisitIsNotFoundAndAVisitNotWithTheDoctorTakesNoNote() {
    var visit = ClinicalFixtures.visit(doctor, "Private Person", "start-doctor");
    doctor.put("/api/v1/visits/" + visit + "/note", ClinicalFixtures.soap(), Map.of());
    var stranger = new Api(port).as(organizations.signUp(new Api(port)).token());
    assertThat(stranger.get("/api/v1/visits/" + visit + "/encounter").status()).isEqualTo(404);
    assertThat(stranger.put("/api/v1/visits/" + visit + "/note", Map.of(), Map.of()).status())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/visits/not-a-uuid/encounter").status()).isEqualTo(404);

    var waiting = ClinicalFixtures.visit(doctor, "Still Waiting");
    var early =
        doctor.put("/api/v1/visits/" + waiting + "/note", ClinicalFixtures.soap(), Map.of());
    assertThat(early.status()).isEqualTo(403);
    var done = ClinicalFixtures.visit(doctor, "Already Seen", "start-doctor", "complete");
    assertThat(doctor.post("/api/v1/visits/" + done + "/note/sign", Map.of()).status())
        .isEqualTo(403);
  }

  @Test
  void theHistoryShowsVisitsAtEveryClinicOfTheOrganization() {
    var web =
        io.carebook.WebSession.signIn(
            port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var opened =
        web.post(
            "/clinics/new",
            "/clinics",
            "name=Annex&country=EG&timezone=Africa%2FCairo&currency=EGP&locale=en");
    assertThat(opened.statusCode()).isLessThan(400);
    var annexId = "";
    for (var m : doctor.get("/api/v1/me").body().path("memberships")) {
      if (!m.path("clinicId").asString().equals(owner.clinic().toString())) {
        annexId = m.path("clinicId").asString();
      }
    }
    assertThat(annexId).isNotEmpty();
    var annex =
        new Api(port)
            .as(
                doctor
                    .post("/api/v1/tokens/switch-clinic", Map.of("clinicId", annexId))
                    .text("accessToken"));

    var here = ClinicalFixtures.visit(doctor, "Two Clinics", "start-doctor");
    var patient = ClinicalFixtures.patientOf(doctor, here);
    var there = annex.post("/api/v1/visits", Map.of("patientId", patient)).text("id");
    annex.post("/api/v1/visits/" + there + "/start-doctor", Map.of());
    var annexNote = new java.util.HashMap<>(ClinicalFixtures.soap());
    annexNote.put("diagnosis", "Seen at the annex");
    assertThat(annex.put("/api/v1/visits/" + there + "/note", annexNote, Map.of()).status())
        .isEqualTo(200);
    annex.post("/api/v1/visits/" + there + "/note/sign", Map.of());

    var items = doctor.get("/api/v1/patients/" + patient + "/history").body().path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("clinic").asString()).isEqualTo("Annex");
    assertThat(items.get(0).path("here").asBoolean()).isFalse();
    assertThat(items.get(0).path("note").path("diagnosis").asString())
        .isEqualTo("Seen at the annex");
    assertThat(items.get(1).path("here").asBoolean()).isTrue();
    // writing stays with the clinic of the visit
    assertThat(doctor.put("/api/v1/visits/" + there + "/note", Map.of(), Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void aReadOnlyClinicStillDocumentsTodaysVisitsButNoOlderOnes(
      @Autowired io.carebook.tenancy.Organizations orgs,
      @Autowired org.springframework.core.env.Environment environment) {
    var today = ClinicalFixtures.visit(doctor, "Today Patient", "start-doctor");
    var older = ClinicalFixtures.visit(doctor, "Older Patient", "start-doctor");
    doctor.put("/api/v1/visits/" + older + "/note", ClinicalFixtures.soap(), Map.of());
    doctor.post("/api/v1/visits/" + older + "/note/sign", Map.of());
    io.carebook.OwnerDatabase.jdbc(environment)
        .sql("update visits set token_day = token_day - 1 where id = ?::uuid")
        .param(older)
        .update();
    tenants.run(
        owner.tenant(),
        () ->
            orgs.changeSubscriptionStatus(
                owner.clinic(), io.carebook.tenancy.SubscriptionStatus.SUSPENDED));

    var written =
        doctor.put("/api/v1/visits/" + today + "/note", ClinicalFixtures.soap(), Map.of());
    assertThat(written.status()).as(written.body().toString()).isEqualTo(200);
    assertThat(doctor.post("/api/v1/visits/" + today + "/note/sign", Map.of()).status())
        .isEqualTo(200);
    var late = doctor.post("/api/v1/visits/" + older + "/note/addenda", Map.of("body", "Late"));
    assertThat(late.status()).isGreaterThanOrEqualTo(400).isLessThan(500);
    assertThat(late.text("type")).isEqualTo("/problems/clinic-read-only");
    assertThat(doctor.get("/api/v1/visits/" + older + "/encounter").status()).isEqualTo(200);
  }

  @Test
  void firstSavesRacingFromTwoTabsMakeOneNoteAndNeitherFails() throws Exception {
    for (int round = 0; round < 3; round++) {
      var visit = ClinicalFixtures.visit(doctor, "Two Tabs " + round, "start-doctor");
      try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        var saves =
            java.util.stream.IntStream.range(0, 4)
                .mapToObj(
                    i ->
                        pool.submit(
                            () ->
                                doctor
                                    .put(
                                        "/api/v1/visits/" + visit + "/note",
                                        Map.of("plan", "tab " + i),
                                        Map.of())
                                    .status()))
                .toList();
        for (var save : saves) {
          assertThat(save.get()).isEqualTo(200);
        }
      }
      var note = doctor.get("/api/v1/visits/" + visit + "/encounter").body().path("note");
      assertThat(note.path("plan").asString()).startsWith("tab ");
    }
  }

  @Test
  void aTemplateFillsOnlyTheEmptyPartsOfTheDraft() {
    var created =
        doctor.post(
            "/api/v1/note-templates",
            Map.of(
                "name", "Sore throat",
                "subjective", "Sore throat for … days",
                "plan", "Fluids, paracetamol"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(doctor.post("/api/v1/note-templates", Map.of("name", "sore THROAT")).status())
        .isEqualTo(409);
    var visit = ClinicalFixtures.visit(doctor, "Template Patient", "start-doctor");
    doctor.put("/api/v1/visits/" + visit + "/note", Map.of("plan", "Own plan"), Map.of());
    var applied =
        doctor.post("/api/v1/visits/" + visit + "/note/template/" + created.text("id"), Map.of());
    assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
    assertThat(applied.text("subjective")).isEqualTo("Sore throat for … days");
    assertThat(applied.text("plan")).isEqualTo("Own plan");
    assertThat(
            doctor
                .post("/api/v1/note-templates/" + created.text("id") + "/retire", Map.of())
                .status())
        .isEqualTo(204);
    assertThat(doctor.get("/api/v1/note-templates").body().path("items")).isEmpty();
  }

  @Test
  void theHistoryShowsEveryVisitWithItsNoteAndNeverAnotherOrganizations() {
    var visit = ClinicalFixtures.visit(doctor, "Hana History", "start-doctor");
    doctor.put("/api/v1/visits/" + visit + "/note", ClinicalFixtures.soap(), Map.of());
    doctor.post("/api/v1/visits/" + visit + "/note/sign", Map.of());
    var patient = ClinicalFixtures.patientOf(doctor, visit);
    var again = doctor.post("/api/v1/visits", Map.of("patientId", patient));
    assertThat(again.status()).isEqualTo(201);

    var history = doctor.get("/api/v1/patients/" + patient + "/history");
    assertThat(history.status()).isEqualTo(200);
    var items = history.body().path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("visit").path("id").asString()).isEqualTo(again.text("id"));
    assertThat(items.get(1).path("note").path("diagnosis").asString())
        .isEqualTo("Acute pharyngitis");
    assertThat(items.get(1).path("clinic").asString()).isNotBlank();

    var stranger = new Api(port).as(organizations.signUp(new Api(port)).token());
    assertThat(stranger.get("/api/v1/patients/" + patient + "/history").status()).isEqualTo(404);
  }

  @Test
  void aPatientsHistoryPagesNewestFirstInTheDatabaseThroughEveryVisit() {
    var first = ClinicalFixtures.visit(doctor, "Many Visits", "cancel");
    var patient = ClinicalFixtures.patientOf(doctor, first);
    var visits = new java.util.ArrayList<String>(java.util.List.of(first));
    for (int i = 0; i < 6; i++) {
      visits.addFirst(visitOf(patient));
    }
    var list = "/api/v1/patients/" + patient + "/history";
    assertThat(
            io.carebook.PageWalk.walk(
                doctor, list, 100, page -> {}, e -> e.path("visit").path("id").asString()))
        .containsExactlyElementsOf(visits);
    assertThat(doctor.get(list).body().path("items").findValues("visit"))
        .as("whole without limit and cursor, as before")
        .hasSize(7);

    var newer = new java.util.ArrayList<String>();
    var walked =
        io.carebook.PageWalk.walk(
            doctor,
            list,
            3,
            page -> newer.add(visitOf(patient)),
            e -> e.path("visit").path("id").asString());
    assertThat(walked)
        .as("newest first; visits checked in meanwhile are before the cursor")
        .containsExactlyElementsOf(visits)
        .doesNotContainAnyElementsOf(newer);
    io.carebook.PageWalk.tamperedCursorsAreProblems(doctor, list);

    var api = new Api(port);
    var other = api.as(organizations.signUp(api).token());
    var theirs =
        ClinicalFixtures.patientOf(other, ClinicalFixtures.visit(other, "Many Visits", "cancel"));
    var cursor = doctor.get(list + "?limit=2").text("next");
    var there = other.get("/api/v1/patients/" + theirs + "/history?cursor=" + cursor);
    assertThat(there.status()).isEqualTo(200);
    assertThat(there.body().path("items"))
        .as("their one visit is newer than the cursor; none of this organization's shows")
        .isEmpty();
    assertThat(other.get(list + "?limit=2").status()).as("another's patient").isEqualTo(404);
  }

  /** A visit of the patient checked in and canceled at once: one more line of their history. */
  private String visitOf(String patient) {
    var created = doctor.post("/api/v1/visits", Map.of("patientId", patient));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    var id = created.text("id");
    assertThat(
            doctor.post("/api/v1/visits/" + id + "/cancel", Map.of("reason", "arranged")).status())
        .isEqualTo(200);
    return id;
  }
}
