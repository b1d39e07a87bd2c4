package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.TenantTransactions;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An issued invoice is corrected by credit notes, never by changing it. */
@CarebookTest
class CreditNotesTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void aCreditNoteLowersWhatIsOwedAndShowsWhatToGiveBack() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Credited Patient")).text("id");
    var vat = desk.post("/api/v1/tax-profiles", Map.of("name", "VAT 14%", "rate", "14")).text("id");
    var ecg =
        desk.post(
                "/api/v1/services",
                Map.of("code", "ECG", "name", "ECG", "price", "350.50", "taxProfileId", vat))
            .text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    desk.post(path + "/lines", Map.of("serviceId", ecg));
    var draftCredit = desk.post(path + "/credit-notes", Map.of("amount", "10", "reason", "x"));
    assertThat(draftCredit.status()).as("a draft is edited, not credited").isEqualTo(409);
    var issued = desk.post(path + "/issue", Map.of());
    // 400 + 350.50 + 14% of 350.50 (49.07) = 799.57
    assertThat(issued.body().path("total").path("amount").asText()).isEqualTo("799.57");
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "799.57"));

    // the ECG was not done: credited in full, after the patient paid
    var noReason = desk.post(path + "/credit-notes", Map.of("amount", "399.57"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().toString()).contains("reason");
    var credited =
        desk.post(path + "/credit-notes", Map.of("amount", "399.57", "reason", "ECG was not done"));
    assertThat(credited.status()).as(credited.body().toString()).isEqualTo(201);
    var body = credited.body();
    assertThat(body.path("creditNotes").get(0).path("number").asText()).isEqualTo("CN-000001");
    assertThat(body.path("credited").path("amount").asText()).isEqualTo("399.57");
    assertThat(body.path("owed").path("amount").asText()).isEqualTo("0.00");
    assertThat(body.path("refundDue").path("amount").asText()).isEqualTo("399.57");

    // never beyond the invoice's total; never voided once credited
    var tooMuch =
        desk.post(path + "/credit-notes", Map.of("amount", "400.01", "reason", "all of it"));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.body().toString()).contains("amount");
    var voided = desk.post(path + "/void", Map.of("reason", "wrong"));
    assertThat(voided.status()).isEqualTo(409);
    assertThat(voided.text("type")).isEqualTo("/problems/invoice-credited");

    // the desk gives the difference back; then nothing is due either way
    var refunded =
        desk.post(
            path + "/refunds",
            Map.of("method", "CASH", "amount", "399.57", "reason", "ECG was not done"));
    assertThat(refunded.status()).isEqualTo(201);
    assertThat(refunded.body().path("refundDue").path("amount").asText()).isEqualTo("0.00");
    assertThat(refunded.body().path("balance").path("amount").asText()).isEqualTo("0.00");

    // the rest credited too: the notes' taxes add up to the invoice's tax exactly
    var rest = desk.post(path + "/credit-notes", Map.of("amount", "400", "reason", "Goodwill"));
    assertThat(rest.status()).as(rest.body().toString()).isEqualTo(201);
    var notes = rest.body().path("creditNotes");
    assertThat(notes.get(1).path("number").asText()).isEqualTo("CN-000002");
    long tax = 0;
    for (var note : notes) {
      tax += note.path("tax").path("minor").asLong();
    }
    assertThat(tax).isEqualTo(rest.body().path("tax").path("minor").asLong());
    assertThat(desk.get("/api/v1/dues").body().path("items")).isEmpty();
  }

  @Test
  void refundAboveWhatIsDueIsRefused() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Refunded Patient")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "100"));
    desk.post(path + "/issue", Map.of());
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "100"));
    var credited = desk.post(path + "/credit-notes", Map.of("amount", "30", "reason", "Shorter"));
    assertThat(credited.body().path("refundDue").path("amount").asString()).isEqualTo("30.00");

    // the reported case: 30.01 back (not above the 100 paid) left the invoice owing 0.01
    var above =
        desk.post(
            path + "/refunds", Map.of("method", "CASH", "amount", "30.01", "reason", "Shorter"));
    assertThat(above.status()).isEqualTo(400);
    assertThat(above.text("type")).isEqualTo("/problems/invalid-input");
    assertThat(above.body().path("errors").path(0).path("field").asString()).isEqualTo("amount");
    var partial =
        desk.post(path + "/refunds", Map.of("method", "CASH", "amount", "50", "reason", "Half"));
    assertThat(partial.status()).isEqualTo(400);
    assertThat(desk.get(path).body().path("payments")).hasSize(1);

    var due =
        desk.post(path + "/refunds", Map.of("method", "CASH", "amount", "30", "reason", "Shorter"));
    assertThat(due.status()).as(due.body().toString()).isEqualTo(201);
    assertThat(due.body().path("balance").path("amount").asString()).isEqualTo("0.00");
    assertThat(due.body().path("owed").path("amount").asString()).isEqualTo("0.00");
    assertThat(desk.get("/api/v1/dues").body().path("items")).isEmpty();

    // everything paid may go back, so the invoice can be voided; not a cent more
    var more =
        desk.post(path + "/refunds", Map.of("method", "CASH", "amount", "70.01", "reason", "All"));
    assertThat(more.status()).isEqualTo(400);
    var all =
        desk.post(path + "/refunds", Map.of("method", "CASH", "amount", "70", "reason", "All"));
    assertThat(all.status()).as(all.body().toString()).isEqualTo(201);
    assertThat(all.body().path("paid").path("amount").asString()).isEqualTo("0.00");
  }

  @Test
  void duesCountCreditNotesAndTheDatabaseRefusesACreditBeyondTheTotal() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Owing Patient")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Dressing", "unitPrice", "200"));
    desk.post(path + "/issue", Map.of());
    desk.post(path + "/credit-notes", Map.of("amount", "50", "reason", "Smaller dressing"));
    var answer = desk.get("/api/v1/dues").body();
    var dues = answer.path("items");
    assertThat(dues).hasSize(1);
    assertThat(dues.get(0).path("owed").path("amount").asText()).isEqualTo("150.00");
    assertThat(answer.path("total").path("amount").asText()).isEqualTo("150.00");

    // even the application's own role cannot credit more than the invoice's total
    var jdbc = new JdbcTemplate(dataSource);
    assertThatThrownBy(
            () ->
                tenants.run(
                    owner.tenant(),
                    () ->
                        jdbc.update(
                            "insert into credit_notes (tenant_id, id, clinic_id, invoice_id,"
                                + " number, amount_minor, tax_minor, reason) values (?, ?, ?,"
                                + " ?::uuid, 99, 15001, 0, 'too much')",
                            owner.tenant().value(),
                            UUID.randomUUID(),
                            owner.clinic().value(),
                            invoice)))
        .hasMessageContaining("exceed");
    assertThatThrownBy(
            () ->
                tenants.run(
                    owner.tenant(),
                    () ->
                        jdbc.update(
                            "update credit_notes set amount_minor = 1 where invoice_id = ?::uuid",
                            invoice)))
        .as("credit notes are never changed")
        .rootCause()
        .hasMessageContaining("permission denied");
  }
}
