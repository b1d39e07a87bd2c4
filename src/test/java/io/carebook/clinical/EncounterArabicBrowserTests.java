package io.carebook.clinical;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The encounter in Arabic: each vital reads label, value, unit from the right, blood pressure stays
 * "120/80", and the prescription's items are numbered in Arabic-Indic digits.
 */
@CarebookTest
class EncounterArabicBrowserTests extends BrowserTestSupport {

  static final Path SHOTS = Path.of("target/screenshots/rtl");

  @Autowired TestOrganizations organizations;

  @Test
  void vitalsReadLabelValueUnitAndItemsAreNumberedInArabic() {
    var owner = organizations.signUp(new Api(port));
    var doctor = new Api(port).as(owner.token());
    var visit = ClinicalFixtures.visit(doctor, "فاطمة حسن", "start-doctor");
    doctor.post("/api/v1/visits/" + visit + "/encounter", Map.of());
    var recorded =
        doctor.post(
            "/api/v1/visits/" + visit + "/vitals",
            Map.of("systolic", 120, "diastolic", 80, "pulse", 72, "temperature", 37.2));
    org.assertj.core.api.Assertions.assertThat(recorded.status())
        .as(recorded.body().toString())
        .isEqualTo(201);
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    doctor.post(path + "/items", PrescriptionTests.item("Paracetamol"));
    doctor.post(path + "/items", PrescriptionTests.item("أموكسيسيلين"));

    signInAsOwner(page, owner);
    page.navigate("/visits/" + visit + "/encounter?lang=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    var bp = page.locator("#vitals .cb-vital[data-vital=bp]");
    // in the page: label, then value, then unit
    org.assertj.core.api.Assertions.assertThat(
            bp.locator("> *").evaluateAll("els => els.map(e => e.className)"))
        .isEqualTo(List.of("cb-vital-label", "cb-vital-value", "cb-vital-unit"));
    assertThat(bp.locator(".cb-vital-label")).hasText("الضغط");
    assertThat(bp.locator(".cb-vital-value")).hasText("120/80");
    assertThat(bp.locator(".cb-vital-value")).hasAttribute("dir", "ltr");
    // on the screen, from the right: the label at the start side, the unit at the end
    var label = box(bp.locator(".cb-vital-label"));
    var value = box(bp.locator(".cb-vital-value"));
    var unit = box(bp.locator(".cb-vital-unit"));
    org.assertj.core.api.Assertions.assertThat(label.x).isGreaterThan(value.x + value.width - 1);
    org.assertj.core.api.Assertions.assertThat(value.x).isGreaterThan(unit.x + unit.width - 1);
    assertThat(page.locator("#vitals .cb-vital[data-vital=temperature] .cb-vital-value"))
        .hasText("37.2");

    var items = page.locator(".cb-rx-items");
    org.assertj.core.api.Assertions.assertThat(
            items.evaluate("ol => getComputedStyle(ol).listStyleType"))
        .isEqualTo("arabic-indic");
    // the markers sit at the start side: the list's padding is on the right
    org.assertj.core.api.Assertions.assertThat(
            ((Number) items.evaluate("ol => parseFloat(getComputedStyle(ol).paddingRight)"))
                .doubleValue())
        .isGreaterThan(10);
    shoot("ar-desktop-encounter");
    page.setViewportSize(360, 740);
    shoot("ar-phone-encounter");
    org.assertj.core.api.Assertions.assertThat(
            page.evaluate("() => document.documentElement.scrollWidth"))
        .isEqualTo(360);

    page.setViewportSize(1366, 800);
    page.navigate("/visits/" + visit + "/encounter?lang=en");
    bp = page.locator("#vitals .cb-vital[data-vital=bp]");
    assertThat(bp).hasText(java.util.regex.Pattern.compile("BP\\s+120/80\\s+mmHg"));
    label = box(bp.locator(".cb-vital-label"));
    value = box(bp.locator(".cb-vital-value"));
    org.assertj.core.api.Assertions.assertThat(value.x).isGreaterThan(label.x);
    org.assertj.core.api.Assertions.assertThat(
            items.evaluate("ol => getComputedStyle(ol).listStyleType"))
        .isEqualTo("decimal");
    shoot("en-desktop-encounter");
    page.setViewportSize(360, 740);
    shoot("en-phone-encounter");
  }

  private static com.microsoft.playwright.options.BoundingBox box(Locator locator) {
    return locator.boundingBox();
  }

  private void shoot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
