package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import java.util.Map;

/** Visits brought to the state a test needs, through the front desk's API, as its owner. */
public final class ClinicalFixtures {

  private ClinicalFixtures() {}

  /** A walk-in of a new patient, checked in and moved with {@code steps}; its id. */
  public static String visit(Api desk, String patientName, String... steps) {
    var created = desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", patientName)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    var id = created.text("id");
    for (var step : steps) {
      var moved = desk.post("/api/v1/visits/" + id + "/" + step, Map.of("reason", "arranged"));
      assertThat(moved.status()).as(step + ": " + moved.body()).isEqualTo(200);
    }
    return id;
  }

  static String patientOf(Api desk, String visit) {
    return desk.get("/api/v1/visits/" + visit).body().path("visit").path("patientId").asString();
  }

  static Map<String, Object> soap() {
    return Map.of(
        "subjective", "Sore throat for three days",
        "objective", "Red pharynx, no exudate; T 37.8",
        "assessment", "Viral pharyngitis",
        "diagnosis", "Acute pharyngitis",
        "icd10", "j029",
        "plan", "Fluids, paracetamol; back if worse");
  }
}
