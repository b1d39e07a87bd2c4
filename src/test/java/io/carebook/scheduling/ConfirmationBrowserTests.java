package io.carebook.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What cannot be undone is asked first, saying what will happen: cancel and no-show in the staff
 * calendar, the patient's cancel and move on their manage page. Keeping changes nothing.
 */
@CarebookTest
class ConfirmationBrowserTests extends BrowserTestSupport {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final Pattern CODE = Pattern.compile("(\\d{6}) ");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void aClickOnCancelOrNoShowInTheCalendarOnlyAsksAndKeepingChangesNothing() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var day = LocalDate.now(CAIRO).plusDays(2);
    var toCancel = book(desk, doctor, day, "10:00", "Rania Cancel");
    var absent = book(desk, doctor, day, "11:00", "Karim Absent");
    // Karim's time has come and gone: only then may he be marked as not having come
    var past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    OwnerDatabase.jdbc(environment)
        .sql(
            "update appointments set starts_at = ?::timestamptz, ends_at = ?::timestamptz"
                + " where id = ?::uuid")
        .param(past.toString())
        .param(past.plus(Duration.ofMinutes(15)).toString())
        .param(absent)
        .update();
    signInAsOwner(page, owner);

    page.navigate("/calendar?date=" + day);
    var rania = page.locator("li", new Page.LocatorOptions().setHasText("Rania Cancel"));
    rania.locator("summary", new Locator.LocatorOptions().setHasText("Cancel")).click();
    assertThat(rania.locator("details[open] form"))
        .containsText("Cancel the appointment of Rania Cancel at 10:00?");
    assertThat(rania.locator("details[open] form")).containsText("offered first to the waitlist");
    assertStatus(desk, toCancel, "BOOKED");
    screenshot("calendar-confirm-cancel");
    rania
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Keep the appointment"))
        .click();
    assertThat(rania.locator("details[open]")).hasCount(0);
    assertStatus(desk, toCancel, "BOOKED");
    assertThat(rania.locator(".badge").first()).hasText("Booked");

    rania.locator("summary", new Locator.LocatorOptions().setHasText("Cancel")).click();
    rania
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel it"))
        .click();
    assertStatus(desk, toCancel, "CANCELLED");
    // a canceled appointment looks canceled: muted, struck through, its badge says so
    assertThat(rania).hasClass(Pattern.compile("cb-cancelled"));
    assertThat(rania.locator(".badge").first()).hasText("Canceled");
    assertThat(rania.locator(".cb-badge-cancelled")).isVisible();
    assertThat(rania.locator("summary")).hasCount(0);
    screenshot("calendar-canceled");
    page.navigate("/calendar?date=" + day + "&lang=ar");
    assertThat(page.locator("li", new Page.LocatorOptions().setHasText("Rania Cancel")))
        .containsText("ملغى");
    screenshot("calendar-canceled-ar");
    page.navigate("/calendar?date=" + day + "&lang=en");

    page.navigate("/calendar?date=" + past.atZone(CAIRO).toLocalDate());
    var karim = page.locator("li", new Page.LocatorOptions().setHasText("Karim Absent"));
    karim.locator("summary", new Locator.LocatorOptions().setHasText("No-show")).click();
    assertThat(karim.locator("details[open] form"))
        .containsText("Mark Karim Absent as not having come");
    assertThat(karim.locator("details[open] form")).containsText("cannot be reopened");
    karim
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Keep the appointment"))
        .click();
    assertStatus(desk, absent, "BOOKED");

    page.navigate(page.url() + "&lang=ar");
    karim = page.locator("li", new Page.LocatorOptions().setHasText("Karim Absent"));
    karim.locator("summary").first().click();
    assertThat(karim.locator("details[open] form")).containsText("لم يحضر");
    screenshot("calendar-confirm-noshow-ar");
    karim
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("نعم، سجّل الغياب"))
        .click();
    assertStatus(desk, absent, "NOSHOW");
    page.navigate("/calendar?lang=en");
  }

  @Test
  void aPatientsCancelAndMoveOnlyAskAndKeepingChangesNothing() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var slug =
        OwnerDatabase.jdbc(environment)
            .sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    // tomorrow's times: today's may be fewer than four late in the day
    page.navigate(
        "/book/"
            + slug
            + "/doctors/"
            + doctor
            + "?day="
            + java.time.LocalDate.now(java.time.ZoneId.of("Africa/Cairo")).plusDays(1));
    page.locator(".cb-slot").nth(3).click();
    page.getByLabel("Full name").fill("Mona Manage");
    page.getByLabel("Phone").fill("0109 555 7788");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the code"))
        .click();
    page.getByLabel("The code we sent you")
        .fill(organizations.linkToken(owner.tenant(), "+201095557788", CODE));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(page.locator("#booked")).isVisible();
    var manage = page.url().replace("?booked", "");
    var when = page.locator("#when").textContent();

    // she picks another time: asked first, from which time to which
    page.getByText("Move to another time").click();
    var later = page.locator("#move-times .mb-2").last().locator(".cb-slot").first();
    var laterTime = later.textContent().strip();
    later.click();
    assertThat(page.locator("#confirm-move")).containsText("Move your appointment from " + when);
    assertThat(page.locator("#confirm-move")).containsText(laterTime);
    assertThat(page.locator("#when")).hasText(when);
    screenshot("public-confirm-move");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep my appointment"))
        .click();
    assertThat(page).hasURL(manage);
    assertThat(page.locator("#when")).hasText(when);
    assertThat(page.locator("#moved")).hasCount(0);

    page.getByText("Move to another time").click();
    page.locator("#move-times .mb-2").last().locator(".cb-slot").first().click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, move it")).click();
    assertThat(page.locator("#moved")).isVisible();
    assertThat(page.locator("#when")).containsText(laterTime);
    var moved = page.locator("#when").textContent();

    // a time that is not free is never offered for confirmation
    page.navigate(manage + "/move?startsAt=2020-01-06T08:00:00Z");
    assertThat(page.locator("#confirm-move")).hasCount(0);
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("This time cannot be booked");
    page.navigate(manage);

    // cancel: asked first; keeping it leaves it booked
    page.locator("#cancel summary").click();
    assertThat(page.locator("#cancel form")).containsText("Cancel your appointment on " + moved);
    assertThat(page.locator("#cancel form")).containsText("book again");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep my appointment"))
        .click();
    assertThat(page.locator(".badge")).hasText("Booked");
    assertThat(page.locator("#cancel form")).isHidden();

    page.navigate(manage + "?lang=ar");
    page.locator("#cancel summary").click();
    assertThat(page.locator("#cancel form")).containsText("هل تريد إلغاء موعدك");
    screenshot("public-confirm-cancel-ar");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("نعم، ألغِ موعدي")).click();
    assertThat(page.locator(".badge")).hasText("ملغى");
    assertThat(page.locator("#cancel")).hasCount(0);
  }

  @Test
  void withoutJavaScriptThePatientStillConfirmsACancellation() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var day = LocalDate.now(CAIRO).plusDays(3);
    var id = book(desk, doctor, day, "09:00", "Sami Noscript");
    var plain = newContextWithoutJavaScript().newPage();
    signInAsOwner(plain, owner);
    plain.navigate("/calendar?date=" + day);
    var sami = plain.locator("li", new Page.LocatorOptions().setHasText("Sami Noscript"));
    sami.locator("summary", new Locator.LocatorOptions().setHasText("Cancel")).click();
    sami.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Keep the appointment"))
        .click();
    assertStatus(desk, id, "BOOKED");
    sami.locator("summary", new Locator.LocatorOptions().setHasText("Cancel")).click();
    sami.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel it"))
        .click();
    assertStatus(desk, id, "CANCELLED");
    plain.context().close();
  }

  private static String book(Api desk, String doctor, LocalDate day, String time, String name) {
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                day.atTime(java.time.LocalTime.parse(time)).atZone(CAIRO).toInstant().toString(),
                "patient",
                Map.of("fullName", name)));
    org.assertj.core.api.Assertions.assertThat(booked.status())
        .as(booked.body().toString())
        .isEqualTo(201);
    return booked.text("id");
  }

  private static void assertStatus(Api desk, String id, String status) {
    org.assertj.core.api.Assertions.assertThat(
            desk.get("/api/v1/appointments/" + id).text("status"))
        .isEqualTo(status);
  }

  private void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Path.of("target/screenshots/" + name + ".png"))
            .setFullPage(true));
  }
}
