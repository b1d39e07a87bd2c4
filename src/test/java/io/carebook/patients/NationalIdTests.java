package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.DecryptionFailedException;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** National and insurance ids: encrypted at rest, yet found by their exact value. */
@CarebookTest
public class NationalIdTests {

  private static final String NATIONAL_ID = "29001011234567";

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired Encryption encryption;
  @Autowired TenantTransactions tenants;
  @LocalServerPort int port;

  TestOrganizations.Owner owner;
  Api desk;

  @BeforeEach
  void openClinic() {
    var api = new Api(port);
    owner = organizations.signUp(api);
    desk = api.as(owner.token());
  }

  @Test
  void theColumnHoldsNoPlaintextAndTheExactValueStillFindsThePatient() {
    var patient = register(desk, "Salma Fathy");
    var added =
        desk.post(
            "/api/v1/patients/" + patient + "/identifiers",
            Map.of("kind", "NATIONAL_ID", "value", "2900101 123-4567"));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

    var stored =
        OwnerDatabase.jdbc(environment)
            .sql("select value_sealed, value_hash from patient_identifiers where id = ?")
            .param(UUID.fromString(added.text("id")))
            .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)})
            .single();
    for (var column : stored) {
      assertThat(new String(column, StandardCharsets.ISO_8859_1)).doesNotContain(NATIONAL_ID);
      assertThat(new String(column, StandardCharsets.UTF_8)).doesNotContain(NATIONAL_ID);
    }
    assertThat(stored[1]).hasSize(32); // HMAC-SHA256, never the plain SHA-256 of the value
    assertThat(stored[1]).isNotEqualTo(sha256(NATIONAL_ID));

    for (var typed : new String[] {NATIONAL_ID, "2900-1011-234567", "٢٩٠٠١٠١١٢٣٤٥٦٧"}) {
      var found = desk.get("/api/v1/patients?identifier=" + encode(typed)).body().path("items");
      assertThat(found).as("search %s", typed).hasSize(1);
      assertThat(found.get(0).path("id").asString()).isEqualTo(patient);
    }
    assertThat(desk.get("/api/v1/patients?identifier=2900101123456").body().path("items"))
        .as("one digit short is another value")
        .isEmpty();
    var chart = desk.get("/api/v1/patients/" + patient + "/chart");
    assertThat(chart.body().path("identifiers").get(0).path("value").asString())
        .isEqualTo(NATIONAL_ID);
  }

  @Test
  void anotherOrganizationFindsNothingByTheSameIdAndItsKeyCannotDecryptIt() {
    var patient = register(desk, "Salma Fathy");
    var added =
        desk.post(
            "/api/v1/patients/" + patient + "/identifiers",
            Map.of("kind", "NATIONAL_ID", "value", NATIONAL_ID));
    var api = new Api(port);
    var other = organizations.signUp(api);
    var elsewhere = api.as(other.token());
    register(elsewhere, "Salma Fathy");

    assertThat(elsewhere.get("/api/v1/patients?identifier=" + NATIONAL_ID).body().path("items"))
        .isEmpty();
    assertThat(elsewhere.get("/api/v1/patients/" + patient + "/chart").status()).isEqualTo(404);

    var row =
        OwnerDatabase.jdbc(environment)
            .sql("select id, value_sealed, value_hash from patient_identifiers where id = ?")
            .param(UUID.fromString(added.text("id")))
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .single();
    assertThatThrownBy(
            () ->
                tenants.call(
                    other.tenant(),
                    () ->
                        encryption.decrypt(
                            KeyOwner.currentTenant(),
                            PatientChart.IDENTIFIER_FIELD,
                            (String) row[0],
                            (byte[]) row[1])))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void theSameIdOnASecondPatientIsADuplicate() {
    var first = register(desk, "Omar Hany");
    var second = register(desk, "Omar H.");
    desk.post(
        "/api/v1/patients/" + first + "/identifiers",
        Map.of("kind", "INSURANCE", "issuer", "Misr Insurance", "value", "INS-778812"));
    var again =
        desk.post(
            "/api/v1/patients/" + second + "/identifiers",
            Map.of("kind", "INSURANCE", "value", "ins 778812"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("type")).isEqualTo("/problems/duplicate-identifier");
    assertThat(again.text("detail")).contains(first);
    var invalid =
        desk.post(
            "/api/v1/patients/" + second + "/identifiers",
            Map.of("kind", "PASSPORT", "value", "<script>"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("errors").get(0).path("field").asString()).isEqualTo("value");
  }

  public static String register(Api desk, String name) {
    var response = desk.post("/api/v1/patients", Map.of("fullName", name));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.text("id");
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
