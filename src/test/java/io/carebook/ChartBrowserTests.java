package io.carebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A doctor opens a chart, records an allergy and a medication, and sees them on the header. */
@CarebookTest
class ChartBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void aDoctorAddsAnAllergyAndSeesItOnTheChartHeaderBySeverity() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var patient =
        api.as(owner.token())
            .post(
                "/api/v1/patients",
                Map.of(
                    "fullName",
                    "Mariam Girgis",
                    "phone",
                    "0100 222 3344",
                    "dateOfBirth",
                    "1990-09-19"))
            .text("id");

    signIn(owner.email(), owner.app().nextCode());
    page.navigate("/patients/" + patient);
    var header = page.locator("#chart-header");
    assertThat(header.getByRole(AriaRole.HEADING)).hasText("Mariam Girgis");
    assertThat(header.locator("#mrn")).hasText("MRN-000001");
    assertThat(page.locator("#header-allergies")).containsText("No allergies recorded");

    var allergies = page.locator("#allergies");
    allergies.getByLabel("Substance").fill("Penicillin");
    allergies.getByLabel("Severity").selectOption("SEVERE");
    allergies.getByLabel("Reaction").fill("Hives");
    allergies
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the allergy"))
        .click();

    assertThat(page).hasURL(Pattern.compile(".*/patients/" + patient + "#allergies$"));
    var badge = page.locator("#header-allergies .cb-allergy");
    assertThat(badge).hasCount(1);
    assertThat(badge).containsText("Penicillin");
    assertThat(badge).containsText("Severe");
    assertThat(badge).hasClass(Pattern.compile("\\btext-bg-danger\\b"));

    var medications = page.locator("#medications");
    medications.getByLabel("Drug").fill("Metformin");
    medications.getByLabel("Dose").fill("500 mg");
    medications
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the medication"))
        .click();
    assertThat(page.locator("#header-medications")).containsText("Metformin 500 mg");

    // registering someone alike warns while the desk types
    page.navigate("/patients/new");
    page.waitForLoadState();
    page.getByLabel("Full name", new Page.GetByLabelOptions().setExact(true))
        .pressSequentially("Mariam Girgiss");
    assertThat(page.locator("#similar-warning")).containsText("Mariam Girgis");
  }

  private void signIn(String email, String code) {
    page.navigate("/signin");
    page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(TestOrganizations.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true))
        .click();
    assertThat(page.locator("#clinic-switcher")).isVisible();
  }
}
