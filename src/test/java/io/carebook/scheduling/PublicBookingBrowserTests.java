package io.carebook.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A patient books on the clinic's public page; the desk sees the booking in its calendar. */
@CarebookTest
class PublicBookingBrowserTests extends BrowserTestSupport {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final Pattern CODE = Pattern.compile("(\\d{6}) ");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void aPatientBooksOnlineWithACodeAndTheDeskSeesIt() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var week = new ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of());
    desk.put(
        "/api/v1/booking-rules",
        Map.of(
            "durationMinutes",
            30,
            "bufferBeforeMinutes",
            0,
            "bufferAfterMinutes",
            0,
            "minimumNoticeMinutes",
            120,
            "horizonDays",
            30,
            "alignmentMinutes",
            30,
            "seats",
            1),
        Map.of());
    var slug =
        OwnerDatabase.jdbc(environment)
            .sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();

    var unknown = page.navigate("/book/" + slug + "/doctors/" + java.util.UUID.randomUUID());
    org.assertj.core.api.Assertions.assertThat(unknown.status()).isEqualTo(404);

    page.navigate("/book/" + slug);
    assertThat(page.locator("meta[name=description]"))
        .hasAttribute("content", Pattern.compile("Book an appointment online at .+ with .+"));
    // each doctor has their own page to share; she books from it
    page.locator("h2 a").first().click();
    assertThat(page).hasURL(Pattern.compile(".*/book/" + slug + "/doctors/" + doctor));
    assertThat(page.getByText("All doctors of this clinic")).isVisible();
    var firstTime = page.locator(".cb-slot").first();
    var href = firstTime.getAttribute("href");
    var startsAt =
        Instant.parse(
            java.net.URLDecoder.decode(
                href.replaceAll(".*startsAt=", ""), java.nio.charset.StandardCharsets.UTF_8));
    firstTime.click();
    page.getByLabel("Full name").fill("Nadia Online");
    page.getByLabel("Phone").fill("0109 555 4433");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the code"))
        .click();
    assertThat(page).hasURL(Pattern.compile(".*/requests/.*"));

    var code = organizations.linkToken(owner.tenant(), "+201095554433", CODE);
    page.getByLabel("The code we sent you").fill(code);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(page.locator("#booked")).containsText("Your appointment is booked");

    // from the link she keeps, she moves it to the first time of the last day offered
    page.getByText("Move to another time").click();
    if (Boolean.getBoolean("screenshots")) {
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(java.nio.file.Path.of("target/screenshots/public-manage.png"))
              .setFullPage(true));
    }
    var laterTime = page.locator("form .mb-2").last().locator(".cb-slot").first();
    startsAt = Instant.parse(laterTime.getAttribute("value"));
    var movedTime = laterTime.textContent().strip();
    laterTime.click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, move it")).click();
    assertThat(page.locator("#moved")).containsText("Your appointment has been moved.");
    assertThat(page.locator("#when")).containsText(movedTime);
    if (Boolean.getBoolean("screenshots")) {
      page.navigate(page.url().replace("?moved", "") + "?lang=ar");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(java.nio.file.Path.of("target/screenshots/public-manage-ar.png"))
              .setFullPage(true));
      page.navigate(page.url().replace("?lang=ar", "?lang=en"));
    }

    var staff = newContext(1280, 800).newPage();
    signInAsOwner(staff, owner);
    staff.navigate("/calendar?date=" + startsAt.atZone(CAIRO).toLocalDate());
    assertThat(staff.getByRole(AriaRole.MAIN)).containsText("Nadia Online");

    // the desk moves her to another free time from the day view, then sees it in the week
    staff
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Move the appointment of Nadia Online"))
        .click();
    assertThat(staff.locator("#moving")).containsText("Nadia Online");
    staff.waitForLoadState(); // the long page is written as it renders: its last time too
    var target = staff.locator("li.cb-free-cell:has(.cb-move-target)").last();
    var movedTo = target.getAttribute("data-starts");
    var moveTo = staff.locator("li[data-starts='" + movedTo + "'] .cb-move-target");
    var newTime = moveTo.locator("summary span").first().textContent().strip();
    moveTo.locator("summary").click();
    assertThat(moveTo.locator("form")).containsText("to " + newTime);
    moveTo
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Yes, move it"))
        .click();
    assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Appointment moved.");
    assertThat(staff.locator("li", new Page.LocatorOptions().setHasText("Nadia Online")))
        .containsText(newTime);

    staff.locator(".cb-grid-doctor a").first().click();
    assertThat(staff.locator("#week")).containsText(newTime);
    assertThat(staff.locator("#week")).containsText("Nadia Online");
    assertThat(staff.locator("#week .cb-grid-day").first()).containsText("Sat"); // Egypt

    // the clinic's week: a row per doctor, booked and free per day
    staff.navigate("/calendar?date=" + startsAt.atZone(CAIRO).toLocalDate());
    staff
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Week").setExact(true))
        .click();
    assertThat(staff.locator("#clinic-week tbody tr")).hasCount(1);
    assertThat(staff.locator("#clinic-week")).containsText("1 booked");
  }
}
