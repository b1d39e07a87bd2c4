package io.carebook.clinical;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk registers and checks a walk-in in and calls her to the doctor; the doctor opens the
 * visit from the desk, records vitals, writes and signs the note, adds an addendum, prescribes past
 * an allergy warning, finalizes and prints; the chart shows the history. With {@code
 * -Dscreenshots=true}, the pages are also saved in English and Arabic.
 */
@CarebookTest
class EncounterBrowserTests extends BrowserTestSupport {

  private static final Path SHOTS = Path.of("target/screenshots");

  @Autowired TestOrganizations organizations;

  @Test
  void registerCheckInWriteSignPrescribeAndPrintFromTheDesk() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    signInAsOwner(page, owner);
    page.onDialog(dialog -> dialog.accept());
    // the desk registers the walk-in and checks her in, then calls her to the doctor
    page.navigate("/desk");
    page.waitForLoadState();
    page.getByLabel("Full name").fill("Nour El-Sayed");
    page.getByLabel("Phone").fill("0100 555 1212");
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue a token").setExact(true))
        .click();
    assertThat(page.locator("#issued")).isVisible();
    page.locator("#state-WAITING")
        .getByRole(
            AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Call to doctor").setExact(true))
        .click();
    assertThat(page.locator("#state-WITH_DOCTOR")).containsText("Nour El-Sayed");
    var patient =
        desk.get("/api/v1/patients?q=Nour").body().path("items").get(0).path("id").asString();
    var visit = desk.get("/api/v1/visits").body().path("items").get(0).path("id").asString();
    desk.post(
        "/api/v1/patients/" + patient + "/allergies",
        Map.of("substance", "Amoxicillin", "reaction", "rash", "severity", "SEVERE"));
    page.navigate("/desk");
    page.locator("#state-WITH_DOCTOR").getByText("Encounter").click();
    assertThat(page).hasURL(Pattern.compile(".*/visits/" + visit + "/encounter$"));
    assertThat(page.locator("#encounter-allergies")).containsText("Amoxicillin");

    var vitals = page.locator("#vitals-form");
    vitals.locator("#v-systolic").fill("300");
    vitals.locator("#v-diastolic").fill("80");
    page.locator("#record-vitals").click();
    assertThat(page.locator("#v-systolic")).hasClass(Pattern.compile("\\bis-invalid\\b"));
    assertThat(page.locator("#vitals")).containsText("between 50 and 260 mmHg");
    page.locator("#v-systolic").fill("120");
    page.locator("#v-pulse").fill("72");
    page.locator("#record-vitals").click();
    assertThat(page.locator("#vitals .cb-vitals")).containsText("120/80");

    page.waitForFunction("() => window.htmx !== undefined"); // htmx listens once loaded
    page.locator("#subjective").fill("Cough and fever for two days");
    assertThat(page.locator("#note-status"))
        .containsText(
            "Draft saved",
            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                .setTimeout(10_000));
    page.locator("#objective").fill("Crackles at the right base");
    page.locator("#assessment").fill("Community-acquired pneumonia");
    page.locator("#diagnosis").fill("Pneumonia");
    page.locator("#icd10").fill("J18.9");
    page.locator("#plan").fill("Antibiotic, review in 48 hours");
    shoot("en", "desktop", "20-encounter-draft");
    page.locator("#sign").click();
    assertThat(page.locator("#note-signed")).isVisible();
    assertThat(page.locator("#note")).containsText("Community-acquired pneumonia");
    page.locator("#addendum").fill("Chest X-ray confirms right lower lobe consolidation.");
    page.locator("#addendum-form button[type=submit]").click();
    assertThat(page.locator("#note .cb-addendum")).containsText("consolidation");

    page.locator("#new-prescription").click();
    var form = page.locator(".cb-item-form");
    form.locator("#drug").fill("Amoxicillin");
    form.locator("#strength").fill("500 mg");
    form.locator("#frequency").fill("every 8 hours");
    page.locator("#add-item").click();
    assertThat(page.locator("#safety-warnings")).containsText("Amoxicillin");
    shoot("en", "desktop", "21-encounter-warning");
    page.locator("#acknowledge").check();
    page.locator("#ack-reason").fill("Tolerated it since; allergist agrees");
    page.locator("#add-item").click();
    assertThat(page.locator(".cb-prescription li")).containsText("Amoxicillin");
    page.locator(".cb-item-form #drug").fill("Paracetamol");
    page.locator("#add-item").click();
    assertThat(page.locator(".cb-prescription li")).hasCount(2);
    // finalizing is asked first, saying what it does; keeping on editing changes nothing
    page.locator("#finalize").click();
    assertThat(page.locator(".cb-prescription .cb-confirm form"))
        .containsText("can no longer be edited");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep editing")).click();
    assertThat(page.locator(".cb-prescription")).hasAttribute("data-status", "DRAFT");
    page.locator("#finalize").click();
    shoot("en", "desktop", "21b-encounter-confirm-finalize");
    if (Boolean.getBoolean("screenshots")) {
      page.navigate(page.url().replaceAll("[?#].*", "") + "?lang=ar");
      page.locator("#finalize").click();
      shoot("ar", "desktop", "21b-encounter-confirm-finalize");
      page.navigate(page.url().replaceAll("[?#].*", "") + "?lang=en");
      page.locator("#finalize").click();
    }
    page.locator("#finalize-confirm").click();
    assertThat(page.locator(".cb-prescription")).hasAttribute("data-status", "FINALIZED");
    var print = page.locator(".cb-prescription a[href*='/pdf']");
    var pdf = page.request().get(print.getAttribute("href"));
    org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type"))
        .isEqualTo("application/pdf");
    shoot("en", "desktop", "22-encounter-signed");

    // seen: the desk closes the visit, and its encounter stays a click away
    page.navigate("/desk");
    page.locator("#state-WITH_DOCTOR")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done").setExact(true))
        .click();
    page.locator("#state-DONE").getByText("Encounter").click();
    assertThat(page.locator("#visit-state")).hasText("Done");
    assertThat(page.locator("#addendum")).isVisible();

    page.navigate("/patients/" + patient);
    assertThat(page.locator("#history .cb-history-entry")).containsText("Pneumonia");
    assertThat(page.locator("#history .cb-history-entry")).containsText("Paracetamol");
    shoot("en", "desktop", "23-chart-history");

    if (Boolean.getBoolean("screenshots")) {
      for (var lang : new String[] {"ar", "es"}) {
        page.navigate("/visits/" + visit + "/encounter?lang=" + lang);
        shoot(lang, "desktop", "22-encounter-signed");
        page.navigate("/patients/" + patient);
        page.locator("#history .cb-history-entry").first().waitFor();
        shoot(lang, "desktop", "23-chart-history");
      }
      page.setViewportSize(390, 844);
      page.navigate("/visits/" + visit + "/encounter?lang=ar");
      shoot("ar", "mobile", "22-encounter-signed");
      page.navigate("/visits/" + visit + "/encounter?lang=en");
      shoot("en", "mobile", "22-encounter-signed");
    }
  }

  private void shoot(String lang, String size, String name) {
    if (Boolean.getBoolean("screenshots")) {
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve(lang + "-" + size + "-" + name + ".png"))
              .setFullPage(true));
    }
  }
}
