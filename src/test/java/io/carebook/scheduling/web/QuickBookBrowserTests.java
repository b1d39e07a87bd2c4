package io.carebook.scheduling.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The desk types a phone into quick-book, is shown who is on it, and books that patient. */
@CarebookTest
class QuickBookBrowserTests extends BrowserTestSupport {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void typingAnExistingPhoneInQuickBookOffersItsPatientAndPickingHerBooksHer() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    desk.post("/api/v1/patients", Map.of("fullName", "Amal Hassan", "phone", "+201001234569"));
    signInAsOwner(page, owner);

    page.navigate("/calendar?date=" + LocalDate.now(CAIRO).plusDays(1));
    page.locator(".cb-slot-link").first().click();
    assertThat(page.getByLabel("Name or record number")).isFocused();
    page.getByLabel("Name or record number").pressSequentially("Omar Hassan");
    page.locator("#qb-phone").pressSequentially("0100 123 4569");
    assertThat(page.locator("#shared-phone")).containsText("A family may share one phone");
    assertThat(page.locator("#qb-candidates")).containsText("Amal Hassan");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(
                java.nio.file.Path.of("target/screenshots/calendar/quick-book-shared-phone.png")));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book Amal Hassan"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked");
    assertThat(page.getByRole(AriaRole.MAIN)).containsText("Amal Hassan");
    var patients =
        OwnerDatabase.jdbc(environment)
            .sql("select count(*) from patients where tenant_id = ?")
            .param(owner.tenant().value())
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(patients).isEqualTo(1);
  }
}
