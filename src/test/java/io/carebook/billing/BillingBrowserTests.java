package io.carebook.billing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk bills a visit just done: the invoice, a line from the price list, cash, a receipt. */
@CarebookTest
class BillingBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

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

    page.locator("#issue").click();
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

    page.navigate(origin() + "/billing/cash");
    assertThat(page.locator("#cash-total")).containsText("750.50");

    page.navigate(origin() + "/billing");
    assertThat(page.locator("#invoices")).containsText("INV-000001");
    assertThat(page.locator("#invoices")).containsText("Rania Billed");
  }
}
