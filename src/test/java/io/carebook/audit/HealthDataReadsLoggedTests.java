package io.carebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Reads of health data that went unlogged — a prescription's JSON and PDF, an invoice's PDF and the
 * patient's receipt link, the allergy and medication lists — are in the access log like chart
 * views: one VIEW per read, with its reader (anonymous for a link) and the patient.
 */
@CarebookTest
class HealthDataReadsLoggedTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  private long views(TestOrganizations.Owner owner, String entityType, String entityId) {
    return OwnerDatabase.jdbc(environment)
        .sql(
            """
            select count(*) from audit_log where tenant_id = ? and kind = 'ACCESS'
              and action = 'VIEW' and entity_type = ? and entity_id = ?""")
        .params(owner.tenant().value(), entityType, entityId)
        .query(Long.class)
        .single();
  }

  @Test
  void prescriptionJsonAndPdfReadsAreLogged() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var data = HealthDataFixtures.make(desk, "Logged Prescription");
    var before = views(owner, "prescriptions", data.prescription());
    assertThat(desk.get("/api/v1/prescriptions/" + data.prescription()).status()).isEqualTo(200);
    assertThat(desk.download("/api/v1/prescriptions/" + data.prescription() + "/pdf").statusCode())
        .isEqualTo(200);
    assertThat(views(owner, "prescriptions", data.prescription())).isEqualTo(before + 2);
  }

  @Test
  void invoicePdfReadIsLogged() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var data = HealthDataFixtures.make(desk, "Logged Invoice");
    assertThat(desk.download("/api/v1/invoices/" + data.invoice() + "/pdf").statusCode())
        .isEqualTo(200);
    assertThat(views(owner, "invoices", data.invoice())).isEqualTo(1);

    // the patient's receipt link: read by whoever holds it, logged as an anonymous read
    var sent = desk.post("/api/v1/invoices/" + data.invoice() + "/send", Map.of());
    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(202);
    var link = sent.text("url");
    var receipt = new Api(port).download(link.substring(link.indexOf("/receipts/")));
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(views(owner, "invoices", data.invoice())).isEqualTo(2);
    var anonymous =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select count(*) from audit_log where tenant_id = ? and entity_id = ?
                  and actor_id is null and detail like 'anonymous%'""")
            .params(owner.tenant().value(), data.invoice())
            .query(Long.class)
            .single();
    assertThat(anonymous).isEqualTo(1);
  }

  @Test
  void allergyAndMedicationListReadsAreLogged() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var data = HealthDataFixtures.make(desk, "Logged Lists");
    var chart = "/api/v1/patients/" + data.patient();
    assertThat(desk.get(chart + "/allergies").status()).isEqualTo(200);
    assertThat(desk.get(chart + "/medications").status()).isEqualTo(200);
    assertThat(views(owner, "patient_allergies", data.patient())).isEqualTo(1);
    assertThat(views(owner, "patient_medications", data.patient())).isEqualTo(1);
  }
}
