package io.carebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import java.util.Map;

/**
 * Health data of one patient, made through the API by the owner (who is also the doctor): a
 * finalized prescription, an issued invoice, an allergy and a medication.
 */
record HealthDataFixtures(String patient, String prescription, String invoice) {

  static HealthDataFixtures make(Api desk, String patientName) {
    var visit =
        desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", patientName))).text("id");
    assertThat(desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of()).status())
        .isEqualTo(200);
    var patient =
        desk.get("/api/v1/visits/" + visit).body().path("visit").path("patientId").asString();
    var prescription = desk.post("/api/v1/visits/" + visit + "/prescriptions", Map.of()).text("id");
    var items =
        desk.post("/api/v1/prescriptions/" + prescription + "/items", Map.of("drug", "Zinc"));
    assertThat(items.status()).as(items.body().toString()).isEqualTo(201);
    assertThat(desk.post("/api/v1/prescriptions/" + prescription + "/finalize", Map.of()).status())
        .isEqualTo(200);
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    desk.post(
        "/api/v1/invoices/" + invoice + "/lines",
        Map.of("description", "Consultation", "unitPrice", "100"));
    assertThat(desk.post("/api/v1/invoices/" + invoice + "/issue", Map.of()).status())
        .isEqualTo(200);
    var chart = "/api/v1/patients/" + patient;
    assertThat(
            desk.post(chart + "/allergies", Map.of("substance", "Latex", "severity", "MILD"))
                .status())
        .isEqualTo(201);
    assertThat(desk.post(chart + "/medications", Map.of("drug", "Metformin")).status())
        .isEqualTo(201);
    return new HealthDataFixtures(patient, prescription, invoice);
  }
}
