package io.carebook.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner sets a doctor's hours and the clinic's booking rules from the pages. */
@CarebookTest
class ScheduleEditingBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void theOwnerSetsHoursAndBookingRulesAndBadValuesAreRefusedWithoutLosingAnything() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    signInAsOwner(page, owner);

    page.navigate("/calendar");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Working hours")).click();
    page.locator(".list-group a").first().click();
    page.locator("[name='MONDAY.start1']").fill("09:00");
    page.locator("[name='MONDAY.end1']").fill("13:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save hours")).click();
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    org.assertj.core.api.Assertions.assertThat(
            desk.get("/api/v1/doctors/" + doctor + "/hours").body().toString())
        .contains("MONDAY")
        .contains("09:00")
        .contains("13:00");

    page.navigate("/calendar/hours");
    page.getByLabel("Appointment length (minutes)").fill("30");
    page.getByLabel("Most appointments a day per doctor").fill("12");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rules")).click();
    assertThat(page.locator("#rules-saved")).isVisible();
    assertThat(page.getByLabel("Appointment length (minutes)")).hasValue("30");

    page.getByLabel("Patients per time").fill("50");
    page.getByLabel("Appointment length (minutes)").fill("45");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rules")).click();
    assertThat(page.locator("#rules-problem")).isVisible();
    assertThat(page.getByLabel("Patients per time"))
        .hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
    assertThat(page.getByLabel("Patients per time")).hasValue("50"); // what was typed is kept
    assertThat(page.getByLabel("Appointment length (minutes)")).hasValue("45");

    var rules = desk.get("/api/v1/booking-rules").body();
    org.assertj.core.api.Assertions.assertThat(rules.path("durationMinutes").asInt()).isEqualTo(30);
    org.assertj.core.api.Assertions.assertThat(rules.path("dailyCap").asInt()).isEqualTo(12);
    org.assertj.core.api.Assertions.assertThat(rules.path("seats").asInt()).isEqualTo(1);
  }
}
