package io.carebook.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The clinic's last days: what the API answers, and the page's charts. */
@CarebookTest
class ReportsTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void theLastDaysTakingsVisitsAndNoShowsOnAPlanWithReports() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");

    var refused = desk.get("/api/v1/reports");
    assertThat(refused.status()).as("STARTER has no reports").isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/plan-feature");
    organizations.onPlan(owner, Plan.GROWTH);

    desk.post(
        "/api/v1/services",
        Map.of("code", "CONSULT", "name", "Consultation", "kind", "CONSULTATION", "price", "400"));
    String paidInvoice = null;
    for (var name : new String[] {"Seen One", "Seen Two", "Not Come"}) {
      var checkedIn =
          desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", name), "doctorId", me));
      var visit = checkedIn.text("id");
      if (name.startsWith("Not")) {
        assertThat(desk.post("/api/v1/visits/" + visit + "/no-show", Map.of()).status())
            .isEqualTo(200);
        continue;
      }
      desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of());
      desk.post("/api/v1/visits/" + visit + "/complete", Map.of());
      var patient = checkedIn.text("patientId");
      var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
      desk.post(
          "/api/v1/invoices/" + invoice + "/lines",
          Map.of("description", "Consultation", "unitPrice", "400"));
      desk.post("/api/v1/invoices/" + invoice + "/issue", Map.of());
      if (paidInvoice == null) {
        paidInvoice = invoice;
        var paid =
            desk.post(
                "/api/v1/invoices/" + invoice + "/payments",
                Map.of("method", "CASH", "amount", "400"));
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
      }
    }
    var report = desk.get("/api/v1/reports?days=7");
    assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
    var body = report.body();
    assertThat(body.path("days")).hasSize(7);
    assertThat(body.path("takings").path("amount").asText())
        .as(body.toString())
        .isEqualTo("400.00");
    assertThat(body.path("visits").asInt()).isEqualTo(2);
    assertThat(body.path("noShows").asInt()).isEqualTo(1);
    assertThat(body.path("noShowPercent").asInt()).isEqualTo(33);
    assertThat(body.path("owed").path("amount").asText()).isEqualTo("400.00");
    assertThat(body.path("services").get(0).path("name").asText()).isEqualTo("Consultation");
    assertThat(body.path("services").get(0).path("quantity").asInt()).isEqualTo(2);
    var today = body.path("days").get(6);
    assertThat(today.path("visits").asInt()).isEqualTo(2);
    assertThat(today.path("takings").path("amount").asText()).isEqualTo("400.00");
    assertThat(desk.get("/api/v1/reports?days=12").status()).isEqualTo(400);

    // reports are for owners, managers and billing, not the front desk
    var reception = api.as(organizations.join(api, owner, "RECEPTIONIST").token());
    assertThat(reception.get("/api/v1/reports").status()).isEqualTo(403);

    // the page: totals and charts, in English and in Arabic
    signInAsOwner(page, owner);
    page.navigate(origin() + "/reports?days=7");
    assertThat(page.locator("#total-takings")).containsText("400.00");
    assertThat(page.locator("#total-visits")).hasText("2");
    assertThat(page.locator("#no-show-rate")).containsText("33");
    assertThat(page.locator("#takings-chart rect")).hasCount(7);
    assertThat(page.locator("#services")).containsText("Consultation × 2");
    shoot("reports-en");
    page.navigate(origin() + "/reports?days=30&lang=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator("#takings-chart rect")).hasCount(30);
    shoot("reports-ar");
  }

  @Test
  void theReportsDateRangeReadsInOrderInArabic() {
    var owner = organizations.signUp(new Api(port));
    organizations.onPlan(owner, Plan.GROWTH);
    signInAsOwner(page, owner);
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Africa/Cairo"));
    var from = today.minusDays(6);

    page.navigate(origin() + "/reports?days=7&lang=ar");
    var range = page.locator("#report-range");
    // the words around the dates are the language's, each date isolated in its own direction
    assertThat(range).hasText(java.util.regex.Pattern.compile("^من .+ إلى .+$"));
    assertThat(range.locator("bdi")).hasCount(2);
    assertThat(range.locator("bdi").first())
        .hasText(
            from.format(
                java.time.format.DateTimeFormatter.ofPattern(
                    "d MMMM yyyy", java.util.Locale.forLanguageTag("ar"))));
    assertThat(range).not().hasAttribute("dir", "ltr");
    // read from the right: "من" first, then the first day, "إلى", then the last
    var firstDay = range.locator("bdi").first().boundingBox();
    var lastDay = range.locator("bdi").last().boundingBox();
    assertThat(firstDay.x).isGreaterThan(lastDay.x);
    shootRtl("ar-desktop-reports");
    page.setViewportSize(360, 740);
    shootRtl("ar-phone-reports");
    assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(360);

    page.setViewportSize(1366, 800);
    page.navigate(origin() + "/reports?days=7&lang=en");
    assertThat(range)
        .hasText(
            from.format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.ENGLISH))
                + " – "
                + today.format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.ENGLISH)));
    assertThat(range.locator("bdi").first().boundingBox().x)
        .isLessThan(range.locator("bdi").last().boundingBox().x);
    shootRtl("en-desktop-reports");
  }

  private void shootRtl(String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Path.of("target/screenshots/rtl/" + name + ".png"))
            .setFullPage(true));
  }

  private void shoot(String name) {
    if (Boolean.getBoolean("screenshots")) {
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/" + name + ".png"))
              .setFullPage(true));
    }
  }
}
