package io.carebook.patients;

import static io.carebook.patients.NationalIdTests.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Allergies and medications, and the warnings a prescriber must acknowledge. */
@CarebookTest
class PatientSafetyTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  TestOrganizations.Owner owner;
  Api doctor;
  String patient;

  @BeforeEach
  void openClinic() {
    var api = new Api(port);
    owner = organizations.signUp(api);
    doctor = api.as(owner.token());
    patient = register(doctor, "Karim Sami");
  }

  @Test
  void anAllergyWithoutASeverityIsAFieldProblemNotAServerError() {
    var missing =
        doctor.post(
            "/api/v1/patients/" + patient + "/allergies",
            Map.of("substance", "Latex", "reaction", "rash"));
    assertThat(missing.status()).as(missing.body().toString()).isEqualTo(400);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.body().path("errors").toString()).contains("severity");
    assertThat(doctor.get("/api/v1/patients/" + patient + "/allergies").body().path("items"))
        .isEmpty();
  }

  @Test
  void anAllergyToTheDrugAndADuplicateMedicationWarnAndTheAcknowledgementIsAudited() {
    var allergy =
        doctor.post(
            "/api/v1/patients/" + patient + "/allergies",
            Map.of("substance", "Amoxicillin", "reaction", "rash", "severity", "SEVERE"));
    assertThat(allergy.status()).as(allergy.body().toString()).isEqualTo(201);
    doctor.post(
        "/api/v1/patients/" + patient + "/medications",
        Map.of("drug", "Metformin", "dose", "500 mg", "frequency", "twice a day"));

    var warned = check("AMOXICILLIN 500 mg caps");
    assertThat(warned.path("warnings")).hasSize(1);
    assertThat(warned.path("warnings").get(0).path("kind").asString()).isEqualTo("ALLERGY");
    assertThat(warned.path("warnings").get(0).path("severity").asString()).isEqualTo("SEVERE");
    var duplicate = check("metformin 850mg");
    assertThat(duplicate.path("warnings").get(0).path("kind").asString())
        .isEqualTo("DUPLICATE_MEDICATION");
    assertThat(check("Paracetamol").path("warnings")).isEmpty();

    var acknowledged =
        doctor.post(
            "/api/v1/patients/" + patient + "/safety-acknowledgements",
            Map.of("drug", "Amoxicillin 500 mg", "reason", "desensitised, allergist agrees"));
    assertThat(acknowledged.status()).isEqualTo(201);
    var audited =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select detail from audit_log where tenant_id = ? and patient_id = ?::uuid
                  and action = 'SAFETY_WARNING_ACKNOWLEDGED' and entity_id = ?""")
            .params(owner.tenant().value(), patient, allergy.text("id"))
            .query(String.class)
            .list();
    assertThat(audited).hasSize(1);
    assertThat(audited.getFirst()).contains("Amoxicillin", "SEVERE", "desensitised");
  }

  @Test
  void aResolvedOrVoidedAllergyNoLongerWarnsAndAStaleChangeIsRefused() {
    var allergy =
        doctor.post(
            "/api/v1/patients/" + patient + "/allergies",
            Map.of("substance", "Ibuprofen", "severity", "MODERATE"));
    var path = "/api/v1/patients/" + patient + "/allergies/" + allergy.text("id");
    var resolved =
        doctor.put(
            path,
            Map.of("substance", "Ibuprofen", "severity", "MODERATE", "status", "RESOLVED"),
            Map.of("If-Match", allergy.header("ETag")));
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(check("ibuprofen").path("warnings")).isEmpty();
    var stale =
        doctor.put(
            path,
            Map.of("substance", "Ibuprofen", "severity", "SEVERE"),
            Map.of("If-Match", allergy.header("ETag")));
    assertThat(stale.status()).isEqualTo(412);

    var latex =
        doctor.post(
            "/api/v1/patients/" + patient + "/allergies",
            Map.of("substance", "Latex", "severity", "MILD"));
    var noReason =
        doctor.post(
            "/api/v1/patients/" + patient + "/allergies/" + latex.text("id") + "/void",
            Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    doctor.post(
        "/api/v1/patients/" + patient + "/allergies/" + latex.text("id") + "/void",
        Map.of("reason", "another patient's"));
    assertThat(doctor.get("/api/v1/patients/" + patient + "/allergies").body().path("items"))
        .extracting(a -> a.path("substance").asString())
        .containsExactly("Ibuprofen");
  }

  @Test
  void anotherOrganizationCannotReadOrWriteTheAllergies() {
    var api = new Api(port);
    var other = api.as(organizations.signUp(api).token());
    assertThat(other.get("/api/v1/patients/" + patient + "/allergies").status()).isEqualTo(404);
    assertThat(
            other
                .post(
                    "/api/v1/patients/" + patient + "/allergies",
                    Map.of("substance", "Latex", "severity", "MILD"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void theChartEndpointsAreInTheOpenApiDocument() {
    var paths = new Api(port).get("/v3/api-docs").body().path("paths");
    assertThat(paths.has("/api/v1/patients/{id}/allergies")).isTrue();
    assertThat(paths.has("/api/v1/patients/{id}/prescribing-check")).isTrue();
    assertThat(paths.has("/api/v1/patients/{id}/chart")).isTrue();
    assertThat(paths.has("/api/v1/patients/imports")).isTrue();
    assertThat(paths.has("/api/v1/patients/{id}/documents/{documentId}/content")).isTrue();
  }

  private tools.jackson.databind.JsonNode check(String drug) {
    var response =
        doctor.get(
            "/api/v1/patients/"
                + patient
                + "/prescribing-check?drug="
                + java.net.URLEncoder.encode(drug, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }
}
