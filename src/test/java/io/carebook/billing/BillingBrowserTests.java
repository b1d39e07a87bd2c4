package io.carebook.billing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.TenantTransactions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk bills a visit just done: the invoice, a line from the price list, cash, a receipt. */
@CarebookTest
class BillingBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Organizations orgs;

  @Test
  void theDeskBillsAVisitAndTakesCash() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");
    desk.post(
        "/api/v1/services",
        Map.of("code", "CONSULT", "name", "Consultation", "kind", "CONSULTATION", "price", "400"));
    desk.post(
        "/api/v1/services",
        Map.of("code", "ECG", "name", "Electrocardiogram", "kind", "PROCEDURE", "price", "350.50"));
    var visit =
        desk.post(
            "/api/v1/visits",
            Map.of("patient", Map.of("fullName", "Rania Billed"), "doctorId", me));
    desk.post("/api/v1/visits/" + visit.text("id") + "/start-doctor", Map.of());
    desk.post("/api/v1/visits/" + visit.text("id") + "/complete", Map.of());

    signInAsOwner(page, owner);
    page.navigate(origin() + "/desk");
    page.locator("#state-DONE li[data-token='1']")
        .getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Invoice"))
        .click();
    assertThat(page.locator("#status")).hasText("Draft");
    assertThat(page.locator("#lines")).containsText("Consultation");
    assertThat(page.locator("#total")).containsText("400.00");

    var ecg =
        page.locator("#serviceId option", new Page.LocatorOptions().setHasText("Electrocardiogram"))
            .getAttribute("value");
    page.locator("#serviceId").selectOption(ecg);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Line added");
    assertThat(page.locator("#total")).containsText("750.50");

    // a big discount without a reason is refused and changes nothing
    page.locator("#description").fill("Dressing");
    page.locator("#unitPrice").fill("100");
    page.locator("#discountPercent").fill("5");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true))
        .click();
    assertThat(page.locator("#problem")).containsText("Reason for the discount");
    assertThat(page.locator("#total")).containsText("750.50");

    // issuing is asked first, saying what it does; keeping the draft changes nothing
    page.locator("#issue").click();
    assertThat(page.locator("#issue-confirm")).isVisible();
    assertThat(page.locator(".cb-confirm form")).containsText("can never change again");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep the draft")).click();
    assertThat(page.locator("#status")).hasText("Draft");
    assertThat(page.locator("#issue-confirm")).isHidden();
    page.locator("#issue").click();
    if (Boolean.getBoolean("screenshots")) {
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(java.nio.file.Path.of("target/screenshots/invoice-confirm-issue.png")));
      page.navigate(page.url().replaceAll("[?#].*", "") + "?lang=ar");
      page.locator("#issue").click();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(java.nio.file.Path.of("target/screenshots/invoice-confirm-issue-ar.png")));
      page.navigate(page.url().replaceAll("[?#].*", "") + "?lang=en");
      page.locator("#issue").click();
    }
    page.locator("#issue-confirm").click();
    assertThat(page.locator("#status")).hasText("Issued");
    assertThat(page.locator("h1")).hasText("INV-000001");
    assertThat(page.locator("#add-line")).hasCount(0);

    page.locator("#amount").fill("500");
    page.locator("#record-payment").click();
    assertThat(page.locator("#balance")).containsText("250.50");
    page.locator("#method").selectOption("WALLET");
    page.locator("#methodNote").fill("Vodafone Cash");
    page.locator("#record-payment").click();
    assertThat(page.locator("#balance")).containsText("0.00");
    assertThat(page.locator("#payments li")).hasCount(2);
    assertThat(page.locator("#take-payment")).hasCount(0);

    // the patient's history links the visit to its invoice
    page.navigate(origin() + "/patients/" + visit.text("patientId"));
    page.locator(".cb-history-entry")
        .getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Invoice"))
        .click();
    assertThat(page.locator("h1")).hasText("INV-000001");

    page.navigate(origin() + "/billing/subscription");
    assertThat(page.locator("#status")).containsText("Free trial");
    assertThat(page.locator("#trial-ends")).containsText("The free trial ends on");
    assertThat(page.locator("#usage")).containsText("Doctors");
    assertThat(page.locator("#usage")).containsText("SMS and WhatsApp this month");

    page.navigate(origin() + "/billing/cash");
    assertThat(page.locator("#cash-total")).containsText("750.50");

    page.navigate(origin() + "/billing");
    assertThat(page.locator("#invoices")).containsText("INV-000001");
    assertThat(page.locator("#invoices")).containsText("Rania Billed");
  }

  @Test
  void aPaidInvoiceIsCorrectedByACreditNoteAndSentToThePatient() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient =
        desk.post("/api/v1/patients", Map.of("fullName", "Omar Credited", "phone", "+201001239876"))
            .text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    desk.post(path + "/issue", Map.of());
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "400"));

    signInAsOwner(page, owner);
    page.navigate(origin() + "/billing/invoices/" + invoice);
    page.locator("#credit summary").click();
    page.locator("#credit input[name=amount]").fill("150");
    page.locator("#credit input[name=reason]").fill("Follow-up visit is free");
    page.locator("#issue-credit").click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Credit note issued");
    assertThat(page.locator("#credit-notes")).containsText("CN-000001");
    assertThat(page.locator("#credited")).containsText("150.00");
    assertThat(page.locator("#balance")).containsText("0.00");
    assertThat(page.locator("#refund-due")).containsText("150.00");
    assertThat(page.locator("#void")).hasCount(0);

    page.locator("#send-copy button").click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent to the patient");
  }

  @Test
  void aLapsedClinicReadsItsInvoicesButCannotIssueOne() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Lapsed Draft")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    desk.post(
        "/api/v1/invoices/" + invoice + "/lines",
        Map.of("description", "Consultation", "unitPrice", "400"));
    tenants.run(
        owner.tenant(),
        () -> orgs.changeSubscriptionStatus(owner.clinic(), SubscriptionStatus.EXPIRED));

    signInAsOwner(page, owner);
    page.navigate(origin() + "/billing/invoices/" + invoice);
    assertThat(page.locator("#total")).containsText("400.00");
    assertThat(page.locator("#read-only")).containsText("read-only");
    assertThat(page.locator("#read-only a")).containsText("Renew");
    assertThat(page.locator("#issue")).hasCount(0);
    assertThat(page.locator("#add-line")).hasCount(0);
    // a form still open from before is refused, and nothing changes
    var refused =
        page.request()
            .post(
                origin() + "/billing/invoices/" + invoice + "/issue",
                com.microsoft.playwright.options.RequestOptions.create()
                    .setForm(
                        com.microsoft.playwright.options.FormData.create()
                            .set("_csrf", page.locator("input[name=_csrf]").first().inputValue()))
                    .setMaxRedirects(0));
    org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
    page.reload();
    assertThat(page.locator("#status")).hasText("Draft");
    page.navigate(origin() + "/billing");
    assertThat(page.locator("#invoices")).containsText("Lapsed Draft");
    // nor does the desk offer to check anybody in
    page.navigate(origin() + "/desk");
    assertThat(page.locator("#read-only")).isVisible();
    assertThat(page.locator("#check-in")).hasCount(0);
  }
}
