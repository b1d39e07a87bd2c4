package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.text.Normalizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Invoices and prescriptions print in the patient's language (their message language), whatever the
 * language of the staff member's page they are printed from.
 */
@CarebookTest
class PrintedLanguageBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void anArabicPatientsInvoiceAndPrescriptionPrintInArabicFromAnEnglishPage() throws Exception {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var visit = ClinicalFixtures.visit(desk, "Fatma Hassan", "start-doctor");
    var patient = ClinicalFixtures.patientOf(desk, visit);
    var english = ClinicalFixtures.visit(desk, "Ellen Smith", "start-doctor");
    var englishPatient = ClinicalFixtures.patientOf(desk, english);
    language(desk, patient, "ar");
    language(desk, englishPatient, "en");

    var invoice = invoice(desk, patient);
    var prescription = prescription(desk, visit);
    var englishInvoice = invoice(desk, englishPatient);
    prescription(desk, english);

    signInAsOwner(page, owner);
    page.navigate("/billing/invoices/" + invoice);
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    var printed = text(page.locator("#print").getAttribute("href"));
    assertThat(printed).contains("الإجمالي").doesNotContain("Total");

    page.navigate("/visits/" + visit + "/encounter");
    var rx = text(page.locator(".cb-prescription a[href*='/pdf']").getAttribute("href"));
    assertThat(rx).contains("المريض", "Paracetamol").doesNotContain("Patient");

    // the public check of the paper, written in the page's language (screenshots to look at)
    var code =
        desk.get("/api/v1/prescriptions/" + prescription)
            .body()
            .path("verificationCode")
            .asString();
    for (var lang : new String[] {"ar", "en"}) {
      for (var width : new int[] {1366, 360}) {
        page.setViewportSize(width, width == 360 ? 740 : 800);
        page.navigate("/verify/rx/" + code + "?lang=" + lang);
        assertThat(page.locator("#verify-issued").textContent()).doesNotMatch(".*\\d{4}-\\d{2}.*");
        page.screenshot(
            new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(
                    java.nio.file.Path.of(
                        "target/screenshots/rtl/"
                            + lang
                            + (width == 360 ? "-phone" : "-desktop")
                            + "-verify.png"))
                .setFullPage(true));
      }
    }
    page.setViewportSize(1280, 800);

    // and the other way round: an English patient's papers from an Arabic page
    page.navigate("/billing/invoices/" + englishInvoice + "?lang=ar");
    assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
    assertThat(text(page.locator("#print").getAttribute("href")))
        .contains("Total")
        .doesNotContain("الإجمالي");
    page.navigate("/visits/" + english + "/encounter?lang=ar");
    assertThat(text(page.locator(".cb-prescription a[href*='/pdf']").getAttribute("href")))
        .contains("Patient")
        .doesNotContain("المريض");
  }

  private static void language(Api desk, String patient, String language) {
    var saved =
        desk.put(
            "/api/v1/patients/" + patient + "/message-preferences",
            Map.of("language", language, "optedOut", false),
            Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
  }

  private static String invoice(Api desk, String patient) {
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    desk.post(
        "/api/v1/invoices/" + invoice + "/lines",
        Map.of("description", "Consultation", "unitPrice", "400"));
    assertThat(desk.post("/api/v1/invoices/" + invoice + "/issue", Map.of()).status())
        .isEqualTo(200);
    return invoice;
  }

  private static String prescription(Api doctor, String visit) {
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    doctor.post(path + "/items", PrescriptionTests.item("Paracetamol"));
    assertThat(doctor.post(path + "/finalize", Map.of()).status()).isEqualTo(200);
    return draft.text("id");
  }

  private String text(String href) throws Exception {
    var pdf = page.request().get(href);
    assertThat(pdf.status()).isEqualTo(200);
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      return Normalizer.normalize(
          new org.apache.pdfbox.text.PDFTextStripper().getText(document), Normalizer.Form.NFKC);
    }
  }
}
