package io.carebook.patients.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Importing a spreadsheet's patient list: preview with per-row errors, import, once per file. */
@CarebookTest
class PatientImportTests {

  private static final String LIST =
      """
      Nombre;Teléfono;Fecha de nacimiento;Sexo;Correo
      María José Núñez;55 1234 5678;02/03/1985;F;maria@example.test
      "Hernández; José Luis";55 2345 6789;1978-08-19;M;
      Sofía Hernández;55 2345 6789;22/01/2012;mujer;
      ;55 0000 0000;01/01/1990;F;
      Pedro Páramo;12;31/02/1990;X;not-an-email
      Ana Existing;55 9999 8888;;;
      Juan Sin Teléfono;;04/04/1967;hombre;
      """;

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void previewShowsEachRowsErrorsThenTheImportSkipsThemAndDuplicatesAndRunsOncePerFile() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api, "MX", "America/Mexico_City", "MXN").token());
    var existing =
        desk.post("/api/v1/patients", Map.of("fullName", "ana existing", "phone", "5599998888"));
    assertThat(existing.status()).isEqualTo(201);

    var preview = upload(desk);
    assertThat(preview.status()).as(preview.body().toString()).isEqualTo(201);
    var info = preview.body().path("patientImport");
    assertThat(info.path("totalRows").asInt()).isEqualTo(7);
    assertThat(info.path("validRows").asInt()).isEqualTo(5);
    var rows = preview.body().path("rows");
    assertThat(rows.get(1).path("fullName").asString()).isEqualTo("Hernández; José Luis");
    assertThat(rows.get(3).path("errors").get(0).asString()).startsWith("fullName");
    assertThat(rows.get(4).path("errors"))
        .extracting(e -> e.asString().split(":")[0])
        .containsExactly("phone", "dateOfBirth", "sex", "email");
    assertThat(rows.get(4).path("number").asInt()).as("as the spreadsheet numbers it").isEqualTo(6);
    assertThat(rows.get(5).path("duplicateOf").asString()).isEqualTo(existing.text("id"));

    var id = info.path("id").asString();
    var started = desk.post("/api/v1/patients/imports/" + id + "/start", Map.of());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    var done = waitUntilDone(desk, id);
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("importedRows").asInt()).isEqualTo(4);
    assertThat(done.path("duplicateRows").asInt()).isEqualTo(1);
    assertThat(done.path("failedRows").asInt()).isEqualTo(2);
    assertThat(done.path("processedRows").asInt()).isEqualTo(7);

    var outcomes = desk.get("/api/v1/patients/imports/" + id + "/rows").body();
    assertThat(outcomes)
        .extracting(o -> o.path("outcome").asString())
        .containsExactly(
            "IMPORTED", "IMPORTED", "IMPORTED", "INVALID", "INVALID", "DUPLICATE", "IMPORTED");
    var paged =
        io.carebook.PageWalk.walk(
            desk,
            "/api/v1/patients/imports/" + id + "/outcomes",
            3,
            page -> {},
            o -> o.path("number").asString());
    assertThat(paged).as("by row number, in the database").hasSize(7);
    assertThat(paged)
        .containsExactlyElementsOf(outcomes.findValuesAsString("number").stream().toList());
    assertThat(desk.get("/api/v1/patients/imports/" + id + "/outcomes").body().path("items"))
        .hasSize(7);
    io.carebook.PageWalk.tamperedCursorsAreProblems(
        desk, "/api/v1/patients/imports/" + id + "/outcomes");
    var cursor = desk.get("/api/v1/patients/imports/" + id + "/outcomes?limit=2").text("next");
    var stranger = api.as(organizations.signUp(api).token());
    assertThat(
            stranger.get("/api/v1/patients/imports/" + id + "/outcomes?cursor=" + cursor).status())
        .as("another organization's import")
        .isEqualTo(404);

    var sofia = desk.get("/api/v1/patients?q=sofia").body().path("items").get(0);
    assertThat(sofia.path("dateOfBirth").asString()).isEqualTo("2012-01-22");
    assertThat(sofia.path("phone").asString()).isEqualTo("+525523456789");

    var again = upload(desk);
    assertThat(again.status()).as("the same file is the same import").isEqualTo(200);
    assertThat(again.body().path("patientImport").path("id").asString()).isEqualTo(id);
    desk.post("/api/v1/patients/imports/" + id + "/start", Map.of());
    assertThat(desk.get("/api/v1/patients?limit=100").body().path("items")).hasSize(5);
  }

  @Test
  void aFileWithoutANameColumnIsRefusedWhole() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var response =
        desk.postFile(
            "/api/v1/patients/imports",
            "file",
            "list.csv",
            "text/csv",
            "phone,city\n0100,Cairo\n".getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
  }

  private static Api.Response upload(Api desk) {
    return desk.postFile(
        "/api/v1/patients/imports",
        "file",
        "pacientes.csv",
        "text/csv",
        LIST.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  private static tools.jackson.databind.JsonNode waitUntilDone(Api desk, String id) {
    var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var status = desk.get("/api/v1/patients/imports/" + id).body();
      if (status.path("status").asString().matches("DONE|FAILED")) {
        return status;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("the import did not finish");
  }
}
