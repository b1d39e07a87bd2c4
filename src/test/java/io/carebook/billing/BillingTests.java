package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.TenantTransactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invoices, payments and refunds through the API, with the database keeping what was issued. */
@CarebookTest
class BillingTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Organizations orgs;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  private static String patient(Api desk, String name) {
    var created = desk.post("/api/v1/patients", Map.of("fullName", name));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.text("id");
  }

  private static Api.Response line(Api desk, String invoice, Map<String, Object> line) {
    return desk.post("/api/v1/invoices/" + invoice + "/lines", line);
  }

  @Test
  void aVisitDoneIsDraftedAtTheDoctorsFeeThenIssuedPaidAndRefunded() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");
    var profile = new HashMap<String, Object>();
    profile.put("specialty", "Family medicine");
    profile.put("consultationFee", Map.of("amount", "300.00", "currency", "EGP"));
    assertThat(desk.put("/api/v1/doctors/" + me + "/profile", profile, Map.of()).status())
        .isEqualTo(200);
    var gst = desk.post("/api/v1/tax-profiles", Map.of("name", "VAT 14%", "rate", "14"));
    assertThat(gst.status()).as(gst.body().toString()).isEqualTo(201);
    var xray =
        desk.post(
            "/api/v1/services",
            Map.of(
                "code",
                "XRAY",
                "name",
                "Chest X-ray",
                "kind",
                "PROCEDURE",
                "price",
                "250.50",
                "taxProfileId",
                gst.text("id")));
    assertThat(xray.status()).as(xray.body().toString()).isEqualTo(201);

    var visit =
        desk.post(
            "/api/v1/visits",
            Map.of("patient", Map.of("fullName", "Billed Patient"), "doctorId", me));
    var visitId = visit.text("id");
    desk.post("/api/v1/visits/" + visitId + "/start-doctor", Map.of());
    assertThat(desk.post("/api/v1/visits/" + visitId + "/complete", Map.of()).status())
        .isEqualTo(200);

    // the draft appears once the visit's transaction has committed
    Api.Response list = null;
    for (int i = 0; i < 50; i++) {
      list = desk.get("/api/v1/invoices?patientId=" + visit.text("patientId"));
      if (list.body().path("items").size() == 1) {
        break;
      }
      Thread.sleep(100);
    }
    var draft = list.body().path("items").get(0);
    assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.path("visitId").asText()).isEqualTo(visitId);
    var invoice = draft.path("id").asText();
    var shown = desk.get("/api/v1/invoices/" + invoice);
    assertThat(shown.body().path("lines").get(0).path("description").asText())
        .isEqualTo("Consultation");
    assertThat(shown.body().path("total").path("amount").asText()).isEqualTo("300.00");

    // an X-ray with tax, and a small discount with its reason
    var added =
        line(
            desk,
            invoice,
            Map.of(
                "serviceId",
                xray.text("id"),
                "quantity",
                2,
                "discountPercent",
                "10",
                "discountReason",
                "Two views"));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    // 2 x 250.50 = 501.00; 10% off = 50.10; 14% tax on 450.90 = 63.13 (63.126); line 514.03
    var xrayLine = added.body().path("lines").get(1);
    assertThat(xrayLine.path("discount").path("amount").asText()).isEqualTo("50.10");
    assertThat(xrayLine.path("tax").path("amount").asText()).isEqualTo("63.13");
    assertThat(xrayLine.path("total").path("amount").asText()).isEqualTo("514.03");
    assertThat(added.body().path("total").path("amount").asText()).isEqualTo("814.03");
    assertThat(added.body().path("subtotal").path("minor").asLong()).isEqualTo(80100);

    var noReason =
        line(
            desk,
            invoice,
            Map.of("description", "Dressing", "unitPrice", "40", "discountAmount", "5"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().toString()).contains("discountReason");
    var tooPrecise = line(desk, invoice, Map.of("description", "Dressing", "unitPrice", "40.005"));
    assertThat(tooPrecise.status()).isEqualTo(400);
    assertThat(tooPrecise.body().toString()).contains("unitPrice");

    var issued = desk.post("/api/v1/invoices/" + invoice + "/issue", Map.of());
    assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
    assertThat(issued.text("status")).isEqualTo("ISSUED");
    assertThat(issued.text("number")).isEqualTo("INV-000001");
    var late = line(desk, invoice, Map.of("description", "Late", "unitPrice", "10"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.text("type")).isEqualTo("/problems/invoice-issued");
    var jdbcLines = new JdbcTemplate(dataSource);
    assertThatThrownBy(
            () ->
                tenants.run(
                    owner.tenant(),
                    () ->
                        jdbcLines.update(
                            "delete from invoice_lines where invoice_id = ?::uuid", invoice)))
        .hasMessageContaining("cannot change");

    // the database keeps an issued invoice as issued, even against the application's role
    var jdbc = new JdbcTemplate(dataSource);
    assertThatThrownBy(
            () ->
                tenants.run(
                    owner.tenant(),
                    () ->
                        jdbc.update(
                            "update invoices set total_minor = 1, subtotal_minor = 1,"
                                + " discount_minor = 0, tax_minor = 0 where id = ?::uuid",
                            invoice)))
        .hasMessageContaining("cannot change");

    // partial payments, never more than owed; refunds need the role and a reason
    var over =
        desk.post(
            "/api/v1/invoices/" + invoice + "/payments", Map.of("method", "CASH", "amount", "900"));
    assertThat(over.status()).isEqualTo(400);
    var cashPaid =
        desk.post(
            "/api/v1/invoices/" + invoice + "/payments", Map.of("method", "CASH", "amount", "500"));
    assertThat(cashPaid.status()).as(cashPaid.body().toString()).isEqualTo(201);
    var wallet =
        desk.post(
            "/api/v1/invoices/" + invoice + "/payments",
            Map.of("method", "WALLET", "methodNote", "Vodafone Cash", "amount", "314.03"));
    assertThat(wallet.status()).isEqualTo(201);
    assertThat(wallet.body().path("paid").path("amount").asText()).isEqualTo("814.03");
    assertThat(desk.get("/api/v1/dues").body().path("items").size()).isZero();

    var receptionist = api.as(organizations.join(api, owner, "RECEPTIONIST").token());
    var refused =
        receptionist.post(
            "/api/v1/invoices/" + invoice + "/refunds",
            Map.of("method", "CASH", "amount", "100", "reason", "Overcharged"));
    assertThat(refused.status()).isEqualTo(403);
    // giving back part of a paid invoice: credited first, so it does not end owing it again
    var uncredited =
        desk.post(
            "/api/v1/invoices/" + invoice + "/refunds",
            Map.of("method", "CASH", "amount", "100", "reason", "Overcharged"));
    assertThat(uncredited.status()).isEqualTo(400);
    desk.post(
        "/api/v1/invoices/" + invoice + "/credit-notes",
        Map.of("amount", "100", "reason", "Overcharged"));
    var refund =
        desk.post(
            "/api/v1/invoices/" + invoice + "/refunds",
            Map.of("method", "CASH", "amount", "100", "reason", "Overcharged"));
    assertThat(refund.status()).as(refund.body().toString()).isEqualTo(201);
    assertThat(refund.body().path("paid").path("amount").asText()).isEqualTo("714.03");
    assertThat(refund.body().path("balance").path("amount").asText()).isEqualTo("0.00");
    assertThat(desk.get("/api/v1/dues").body().path("items")).isEmpty();
    var cash = desk.get("/api/v1/cash-report").body();
    assertThat(cash.path("total").path("amount").asText()).isEqualTo("714.03");
    var lines = cash.path("cashiers").get(0).path("lines");
    assertThat(lines.size()).isEqualTo(2); // cash (500 taken, 100 back) and the wallet
    assertThat(cash.path("cashiers").get(0).path("net").path("amount").asText())
        .isEqualTo("714.03");
    assertThat(desk.get("/api/v1/cash-report?day=yesterday").status()).isEqualTo(400);
    var tooMuch =
        desk.post(
            "/api/v1/invoices/" + invoice + "/refunds",
            Map.of("method", "CASH", "amount", "800", "reason", "All of it"));
    assertThat(tooMuch.status()).isEqualTo(400);
  }

  @Test
  void anIssuedInvoicePrintsWithItsPaymentsInEnglishAndArabic() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "فاطمة حسن")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    line(desk, invoice, Map.of("description", "كشف", "unitPrice", "400"));
    line(desk, invoice, Map.of("description", "ECG", "unitPrice", "350.50"));
    assertThat(desk.download(path + "/pdf").statusCode())
        .as("a draft does not print")
        .isEqualTo(409);
    desk.post(path + "/issue", Map.of());
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "500"));

    var english = desk.download(path + "/pdf?lang=en");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.headers().firstValue("Content-Type")).hasValue("application/pdf");
    var text = text(english.body());
    assertThat(text).contains("INV-000001", "750.50", "500.00", "250.50", "ECG", "Cash");

    var arabic =
        java.text.Normalizer.normalize(
            text(desk.download(path + "/pdf?lang=ar").body()), java.text.Normalizer.Form.NFKC);
    // PDFBox gives the shaped Arabic back in logical order: the patient, the item, the labels
    assertThat(arabic).contains("INV-000001", "فاطمة", "كشف", "الإجمالي", "نقد");
  }

  private static String text(byte[] pdf) throws Exception {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }

  @Test
  void aLargeDiscountNeedsAManager() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var receptionist = api.as(organizations.join(api, owner, "RECEPTIONIST").token());
    var invoice =
        receptionist.post(
            "/api/v1/invoices", Map.of("patientId", patient(desk, "Discounted Patient")));
    assertThat(invoice.status()).as(invoice.body().toString()).isEqualTo(201);
    var path = invoice.text("id");
    assertThat(
            line(
                    receptionist,
                    path,
                    Map.of(
                        "description",
                        "Consultation",
                        "unitPrice",
                        "200",
                        "discountPercent",
                        "10",
                        "discountReason",
                        "Regular"))
                .status())
        .isEqualTo(201);
    var large =
        line(
            receptionist,
            path,
            Map.of(
                "description",
                "Consultation",
                "unitPrice",
                "200",
                "discountPercent",
                "50",
                "discountReason",
                "Hardship"));
    assertThat(large.status()).isEqualTo(403);
    assertThat(large.text("type")).isEqualTo("/problems/discount-limit");
    assertThat(
            line(
                    desk,
                    path,
                    Map.of(
                        "description",
                        "Consultation",
                        "unitPrice",
                        "200",
                        "discountPercent",
                        "50",
                        "discountReason",
                        "Hardship"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void concurrentIssuesGetGapFreeNumbers() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = patient(desk, "Many Invoices");
    var drafts = new ArrayList<String>();
    for (int i = 0; i < 20; i++) {
      var draft = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
      line(desk, draft, Map.of("description", "Lab test " + i, "unitPrice", "75"));
      drafts.add(draft);
    }
    var empty = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var numbers = new HashSet<String>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var issues = new ArrayList<Future<Api.Response>>();
      for (var draft : drafts) {
        issues.add(
            threads.submit(() -> desk.post("/api/v1/invoices/" + draft + "/issue", Map.of())));
      }
      issues.add(threads.submit(() -> desk.post("/api/v1/invoices/" + empty + "/issue", Map.of())));
      for (var issue : issues) {
        var response = issue.get();
        if (response.status() == 200) {
          numbers.add(response.text("number"));
        } else {
          assertThat(response.text("type")).isEqualTo("/problems/invoice-empty");
        }
      }
    }
    var expected = new HashSet<String>();
    for (int n = 1; n <= 20; n++) {
      expected.add(String.format("INV-%06d", n));
    }
    assertThat(numbers).isEqualTo(expected);
  }

  @Test
  void aLapsedClinicCannotInvoiceAndOthersInvoicesAreNotFound() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = patient(desk, "Lapsed Patient");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var other = api.as(organizations.signUp(api).token());
    assertThat(other.get("/api/v1/invoices/" + invoice).status()).isEqualTo(404);
    assertThat(other.post("/api/v1/invoices/" + invoice + "/issue", Map.of()).status())
        .isEqualTo(404);
    assertThat(other.post("/api/v1/invoices", Map.of("patientId", patient)).status())
        .isEqualTo(404);

    tenants.run(
        owner.tenant(),
        () -> orgs.changeSubscriptionStatus(owner.clinic(), SubscriptionStatus.EXPIRED));
    var refused = desk.post("/api/v1/invoices", Map.of("patientId", patient));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/clinic-read-only");
    assertThat(desk.get("/api/v1/invoices/" + invoice).status()).isEqualTo(200);
  }
}
