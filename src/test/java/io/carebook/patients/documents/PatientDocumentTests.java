package io.carebook.patients.documents;

import static io.carebook.patients.NationalIdTests.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Documents: type and size limits, sanitized names, downloads only for the organization. */
@CarebookTest
class PatientDocumentTests {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aPdfIsStoredUnderAGeneratedNameAndServedOnlyToTheOrganizationWithEachReadLogged() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = register(desk, "Nadia Fouad");
    var uploaded =
        desk.postFile(
            "/api/v1/patients/" + patient + "/documents",
            "file",
            "../../etc/lab report\u0007 2024.exe",
            "application/octet-stream",
            PDF,
            Map.of("description", "Blood count"));
    assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
    assertThat(uploaded.text("fileName")).isEqualTo("lab report 2024.pdf");
    assertThat(uploaded.text("contentType")).isEqualTo("application/pdf");
    var key =
        OwnerDatabase.jdbc(environment)
            .sql("select storage_key from patient_documents where id = ?::uuid")
            .param(uploaded.text("id"))
            .query(String.class)
            .single();
    assertThat(key).isEqualTo(owner.tenant() + "/" + uploaded.text("id"));

    var path = "/api/v1/patients/" + patient + "/documents/" + uploaded.text("id") + "/content";
    var download = desk.download(path);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("lab report 2024.pdf");
    var views =
        OwnerDatabase.jdbc(environment)
            .sql(
                "select count(*) from audit_log where tenant_id = ? and action = 'VIEW'"
                    + " and entity_type = 'patient_documents' and entity_id = ?")
            .params(owner.tenant().value(), uploaded.text("id"))
            .query(Long.class)
            .single();
    assertThat(views).isEqualTo(1);

    var other = api.as(organizations.signUp(api).token());
    assertThat(other.download(path).statusCode()).isEqualTo(404);
    assertThat(desk.download(path.replace(patient, register(desk, "Someone Else"))).statusCode())
        .as("under another patient of the same organization")
        .isEqualTo(404);
  }

  @Test
  void documentsAreEncryptedOnDisk() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = register(desk, "Salma Adel");
    var content =
        "%PDF-1.4\n(HIV test result: Salma Adel, positive)\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    var uploaded =
        desk.postFile(
            "/api/v1/patients/" + patient + "/documents",
            "file",
            "result.pdf",
            "application/pdf",
            content,
            Map.of());
    assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
    var onDisk = Files.readAllBytes(file(owner.tenant() + "/" + uploaded.text("id")));
    assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
        .doesNotContain("HIV test result")
        .doesNotContain("%PDF");
    assertThat(onDisk.length).isGreaterThan(content.length);

    var path = "/api/v1/patients/" + patient + "/documents/" + uploaded.text("id") + "/content";
    var download = desk.download(path);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
  }

  @Test
  void documentsStoredInClearBeforeEncryptionAreStillServed() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = register(desk, "Omar Samy");
    var uploaded =
        desk.postFile(
            "/api/v1/patients/" + patient + "/documents",
            "file",
            "old.pdf",
            "application/pdf",
            PDF,
            Map.of());
    assertThat(uploaded.status()).isEqualTo(201);
    // as an earlier version wrote it: the bytes as uploaded
    Files.write(file(owner.tenant() + "/" + uploaded.text("id")), PDF);
    var download =
        desk.download(
            "/api/v1/patients/" + patient + "/documents/" + uploaded.text("id") + "/content");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
  }

  private Path file(String key) {
    return Path.of(environment.getRequiredProperty("carebook.documents.directory")).resolve(key);
  }

  @Test
  void anExecutableOrAnOversizedFileIsRefused() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var patient = register(desk, "Ziad Wael");
    var script =
        desk.postFile(
            "/api/v1/patients/" + patient + "/documents",
            "file",
            "scan.pdf",
            "application/pdf",
            "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII),
            Map.of());
    assertThat(script.status()).isEqualTo(415);
    assertThat(script.text("type")).isEqualTo("/problems/unsupported-document-type");

    var big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    var tooLarge =
        desk.postFile(
            "/api/v1/patients/" + patient + "/documents",
            "file",
            "big.pdf",
            "application/pdf",
            big,
            Map.of());
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.text("type")).isEqualTo("/problems/document-too-large");
    assertThat(desk.get("/api/v1/patients/" + patient + "/documents").body().path("items"))
        .isEmpty();
  }

  @Test
  void aChartsDocumentsPageNewestFirstInTheDatabaseAndTheOlderAfterStillTakesARawId() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var patient = register(desk, "Huda Kamel");
    var list = "/api/v1/patients/" + patient + "/documents";
    var uploaded = new java.util.ArrayList<String>();
    for (int i = 0; i < 7; i++) {
      uploaded.addFirst(upload(desk, list, "scan " + i + ".pdf"));
    }
    var newer = new java.util.ArrayList<String>();
    var walked =
        io.carebook.PageWalk.ids(
            desk, list, 3, page -> newer.add(upload(desk, list, "newer " + page + ".pdf")));
    assertThat(walked)
        .as("newest first; those uploaded meanwhile are before the cursor")
        .containsExactlyElementsOf(uploaded)
        .doesNotContainAnyElementsOf(newer);
    assertThat(desk.get(list + "?limit=50").body().path("items").findValuesAsString("id"))
        .hasSize(9)
        .startsWith(newer.reversed().toArray(String[]::new));

    // the deprecated ?after= of older pages named the last document by its id
    var afterThird = desk.get(list + "?limit=2&after=" + uploaded.get(2));
    assertThat(afterThird.status()).isEqualTo(200);
    assertThat(afterThird.body().path("items").findValuesAsString("id"))
        .containsExactly(uploaded.get(3), uploaded.get(4));
    assertThat(desk.get(list + "?limit=2&after=" + java.util.UUID.randomUUID()).status())
        .isEqualTo(400);
    io.carebook.PageWalk.tamperedCursorsAreProblems(desk, list);

    var other = api.as(organizations.signUp(api).token());
    var elsewhere = register(other, "Huda Kamel");
    assertThat(other.get(list + "?limit=2").status()).as("another's chart").isEqualTo(404);
    var cursor = desk.get(list + "?limit=2").text("next");
    var there = other.get("/api/v1/patients/" + elsewhere + "/documents?cursor=" + cursor);
    assertThat(there.status()).isEqualTo(200);
    assertThat(there.body().path("items")).isEmpty();
    assertThat(
            other
                .get("/api/v1/patients/" + elsewhere + "/documents?after=" + uploaded.get(2))
                .status())
        .as("another organization's document names no place in this list")
        .isEqualTo(400);
  }

  private static String upload(Api desk, String list, String name) {
    var uploaded = desk.postFile(list, "file", name, "application/pdf", PDF, Map.of());
    assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
    return uploaded.text("id");
  }
}
