package io.carebook.patients;

import static io.carebook.patients.NationalIdTests.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Merging a duplicate keeps everything: its chart moves, the record itself is voided. */
@CarebookTest
class PatientMergeTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void mergeMovesTheChartKeepsHistoryAndVoidsTheDuplicate() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var survivor = register(desk, "Hoda Abdallah");
    var duplicate =
        desk.post(
                "/api/v1/patients",
                Map.of("fullName", "هدى عبد الله", "dateOfBirth", "2001-08-08", "sex", "FEMALE"))
            .text("id");
    var child = register(desk, "Yassin Abdallah");
    desk.post(
        "/api/v1/patients/" + duplicate + "/allergies",
        Map.of("substance", "Penicillin", "severity", "SEVERE"));
    var wrong =
        desk.post("/api/v1/patients/" + duplicate + "/medications", Map.of("drug", "Aspirin"));
    desk.post(
        "/api/v1/patients/" + duplicate + "/medications/" + wrong.text("id") + "/void",
        Map.of("reason", "entered on the wrong chart"));
    desk.post(
        "/api/v1/patients/" + survivor + "/identifiers",
        Map.of("kind", "NATIONAL_ID", "value", "30108081234567"));
    desk.put("/api/v1/patients/" + duplicate + "/tags/diabetic", Map.of(), Map.of());
    desk.post(
        "/api/v1/patients/" + child + "/guardians",
        Map.of("guardianId", duplicate, "relationship", "mother"));

    var refused =
        desk.post(
            "/api/v1/patients/" + survivor + "/merge",
            Map.of("duplicateId", survivor, "reason", "same"));
    assertThat(refused.status()).isEqualTo(400);
    var merged =
        desk.post(
            "/api/v1/patients/" + survivor + "/merge",
            Map.of("duplicateId", duplicate, "reason", "registered twice, Arabic and Latin"));
    assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
    assertThat(merged.text("dateOfBirth")).as("blanks filled").isEqualTo("2001-08-08");

    var chart = desk.get("/api/v1/patients/" + survivor + "/chart").body();
    assertThat(chart.path("allergies").get(0).path("substance").asString()).isEqualTo("Penicillin");
    assertThat(chart.path("tags").get(0).asString()).isEqualTo("diabetic");
    var ward = desk.get("/api/v1/patients/" + child + "/chart").body().path("guardians");
    assertThat(ward.get(0).path("other").asString()).isEqualTo(survivor);

    var loser = desk.get("/api/v1/patients/" + duplicate);
    assertThat(loser.status()).as("never deleted").isEqualTo(200);
    assertThat(loser.text("mergedInto")).isEqualTo(survivor);
    assertThat(loser.text("voidReason")).contains("registered twice");
    assertThat(desk.get("/api/v1/patients?q=" + "عبد").body().path("items"))
        .extracting(p -> p.path("id").asString())
        .doesNotContain(duplicate);
    var change =
        desk.post(
            "/api/v1/patients/" + duplicate + "/allergies",
            Map.of("substance", "Latex", "severity", "MILD"));
    assertThat(change.status()).isEqualTo(409);
    assertThat(change.text("type")).isEqualTo("/problems/patient-voided");

    var migrator = OwnerDatabase.jdbc(environment);
    var voidedMedication =
        migrator
            .sql("select patient_id, void_reason from patient_medications where id = ?")
            .param(UUID.fromString(wrong.text("id")))
            .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
            .single();
    assertThat(voidedMedication)
        .as("voided entries move too, with their reason")
        .isEqualTo(survivor + "|entered on the wrong chart");
    var moves =
        migrator
            .sql(
                """
                select count(*) from audit_log where tenant_id = ? and entity_type = 'patient_allergies'
                  and action = 'UPDATE' and changes -> 'patient_id' ->> 'from' = ?""")
            .params(owner.tenant().value(), duplicate)
            .query(Long.class)
            .single();
    assertThat(moves).as("the move is in the audit trail").isEqualTo(1);
  }
}
