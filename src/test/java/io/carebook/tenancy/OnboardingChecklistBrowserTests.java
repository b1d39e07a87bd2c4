package io.carebook.tenancy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The first-steps checklist on a new clinic's dashboard: opening hours set inline (9 to 17 on
 * weekdays prefilled, Monday copied to the weekdays), the booking link to copy or print as a QR
 * code, staff and the first appointment; each step ticks from the clinic's data, and an owner or
 * manager may put the list away for the whole clinic.
 */
@CarebookTest
class OnboardingChecklistBrowserTests extends BrowserTestSupport {

  private static final Path SHOTS = Path.of("target/screenshots/onboarding");
  private static final List<String> WEEKDAYS =
      List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

  /** The elements sticking out of the screen sideways, if any (on the left too, as in Arabic). */
  private static final String WIDER_THAN_THE_SCREEN =
      """
      () => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll("main *")]
          .filter(e => e.getBoundingClientRect().right > width + 1 || e.getBoundingClientRect().left < -1)
          .slice(0, 8).map(e => e.tagName + "." + e.className + "#" + e.id).join(" | ");
      }""";

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void newOwnerSavesThePrefilledWeekdayHoursInOneClick() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);

    assertThat(page.locator("#checklist-progress")).hasText("0 of 4 done");
    for (var day : WEEKDAYS) {
      assertThat(field(day, "start1")).hasValue("09:00");
      assertThat(field(day, "end1")).hasValue("17:00");
    }
    assertThat(field("SATURDAY", "start1")).hasValue("");
    assertThat(field("SUNDAY", "end1")).hasValue("");
    assertThat(page.locator("#step-hours")).containsText("Africa/Cairo");

    page.waitForLoadState(); // htmx saves in place once loaded (before, the form posts)
    page.locator("#save-hours").click();

    assertThat(page.locator("#hours-saved")).containsText("Opening hours saved");
    assertThat(page.locator("#checklist-progress")).hasText("2 of 4 done");
    assertThat(page).hasURL(Pattern.compile(".*/$")); // saved in place, no page load
    assertThat(hoursOf(owner))
        .containsExactly(
            "1 09:00-17:00", "2 09:00-17:00", "3 09:00-17:00", "4 09:00-17:00", "5 09:00-17:00");
  }

  @Test
  void copyToAllWeekdaysGivesTuesdayToFridayMondaysHours() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);
    field("MONDAY", "start1").fill("08:30");
    field("MONDAY", "end1").fill("14:00");

    page.locator("#copy-weekdays").click();

    for (var day : WEEKDAYS) {
      assertThat(field(day, "start1")).hasValue("08:30");
      assertThat(field(day, "end1")).hasValue("14:00");
    }
    assertThat(field("SATURDAY", "start1")).hasValue("");
    page.locator("#save-hours").click();
    assertThat(page.locator("#hours-saved")).isVisible();
    assertThat(hoursOf(owner)).hasSize(5).allMatch(h -> h.endsWith(" 08:30-14:00"));
  }

  @Test
  void withoutJavaScriptCopyToAllWeekdaysSavesMondaysHoursForEveryWeekday() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner); // the code page needs no script; the session carries over
    var cookies = context.cookies();
    context.close();
    context = newContextWithoutJavaScript();
    context.addCookies(cookies);
    page = context.newPage();
    page.navigate("/");
    field("MONDAY", "start1").fill("10:00");
    field("MONDAY", "end1").fill("18:00");
    field("WEDNESDAY", "start1").fill("");
    assertThat(page.locator("#copy-link")).isHidden(); // the link stays a selectable field

    page.locator("#copy-weekdays").click();

    assertThat(page.locator("#hours-saved")).isVisible();
    assertThat(hoursOf(owner)).hasSize(5).allMatch(h -> h.endsWith(" 10:00-18:00"));
  }

  @Test
  void stepsTickFromTheClinicsDataAndTheChecklistGoesWhenAllAreDone() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var invited =
        desk.post(
            "/api/v1/invitations",
            Map.of(
                "email",
                "desk-" + UUID.randomUUID() + "@example.test",
                "roles",
                List.of("RECEPTIONIST")));
    assertThat(invited.status()).isEqualTo(201);
    signInAsOwner(page, owner);

    assertThat(page.locator("#checklist-progress")).hasText("1 of 4 done");
    assertThat(step("#step-staff")).hasAttribute("data-done", "true");
    assertThat(step("#step-hours")).hasAttribute("data-done", "false");

    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "12:00");
    page.reload();
    assertThat(page.locator("#checklist-progress")).hasText("3 of 4 done");
    assertThat(page.locator("#open-calendar"))
        .hasAttribute("href", "/calendar?date=" + firstFreeDay());

    var cairo = ZoneId.of("Africa/Cairo");
    var ten = LocalDate.now(cairo).plusDays(1).atTime(10, 0).atZone(cairo).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                ten.toString(),
                "patient",
                Map.of("fullName", "A")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    page.reload();
    assertThat(page.locator("#checklist")).hasCount(0);
  }

  @Test
  void hidingTheChecklistHidesItForTheWholeClinic() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var manager = organizations.join(api, owner, "MANAGER");
    signInAsOwner(page, owner);

    page.locator("#dismiss-checklist").click();

    assertThat(page.locator("#checklist")).hasCount(0);
    page.reload();
    assertThat(page.locator("#checklist")).hasCount(0);
    var other = newContext(1280, 800);
    var managersPage = other.newPage();
    signIn(managersPage, manager.email());
    assertThat(managersPage.locator("h1")).isVisible();
    assertThat(managersPage.locator("#checklist")).hasCount(0);
    assertThat(managersPage.locator(".cb-tile").first()).isVisible();
    other.close();
  }

  @Test
  void receptionistsDoNotSeeTheChecklist() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    signIn(page, receptionist.email());

    assertThat(page.locator(".cb-tile").first()).isVisible();
    assertThat(page.locator("#checklist")).hasCount(0);
  }

  @Test
  void anOwnerWhoIsNotADoctorIsToldHowToAddOne() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var owner =
        organizations.signUp(
            new Api(port),
            Map.of(
                "organizationName", "Org " + suffix,
                "clinicName", "Clinic " + suffix,
                "ownerName", "Owner " + suffix,
                "email", "owner-" + suffix + "@example.test",
                "password", TestOrganizations.PASSWORD,
                "country", "EG",
                "ownerIsDoctor", false));
    signInAsOwner(page, owner);

    assertThat(page.locator("#no-doctor")).containsText("No doctor works at this clinic yet");
    assertThat(page.locator("#no-doctor a")).hasAttribute("href", "/staff");
    assertThat(page.locator("#onboarding-hours")).hasCount(0);
  }

  @Test
  void theBookingLinkIsCopyableAndPrintsAsAQrPosterWithTheClinicsName() {
    var owner = organizations.signUp(new Api(port));
    context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
    signInAsOwner(page, owner);
    var link = page.locator("#booking-link").inputValue();
    assertThat(link).matches("http://localhost:8080/book/clinic-[a-z0-9-]+");

    page.locator("#copy-link").click();
    assertThat(page.locator("#copy-link")).hasText("Copied");
    assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(link);
    var qr = page.request().get("/calendar/booking-link/qr.svg");
    assertThat(qr.headers().get("content-type")).startsWith("image/svg+xml");
    assertThat(qr.text()).contains("<svg", "<path d=\"M");

    page.locator("#print-poster").click();
    assertThat(page.locator("h1")).hasText("Scan to book");
    assertThat(page.locator("#poster")).containsText(nameOf(owner));
    assertThat(page.locator("#poster")).containsText(link);
    assertThat(page.locator("#poster svg")).isVisible();
    page.emulateMedia(
        new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
    assertThat(page.locator("nav.cb-nav")).isHidden();
    page.emulateMedia(
        new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SHOTS.resolve("en-desktop-qr-poster.png"))
            .setFullPage(true));
  }

  @Test
  void theChecklistInEnglishAndArabicOnDesktopAndPhoneNeverScrollsSideways() {
    var owner = organizations.signUp(new Api(port));
    for (var lang : List.of("en", "ar")) {
      shoot(owner, lang, "desktop", 1366, 800, false);
      shoot(owner, lang, "phone", 360, 740, true);
    }
  }

  private void shoot(
      TestOrganizations.Owner owner,
      String lang,
      String size,
      int width,
      int height,
      boolean mobile) {
    BrowserContext shots = newContext(width, height, mobile);
    try {
      var page = shots.newPage();
      signInAsOwner(page, owner);
      page.navigate("/?lang=" + lang);
      assertThat(page.locator("#checklist")).isVisible();
      assertThat(page.locator("html")).hasAttribute("dir", lang.equals("ar") ? "rtl" : "ltr");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve(lang + "-" + size + "-dashboard-checklist.png"))
              .setFullPage(true));
      assertThat(page.evaluate(WIDER_THAN_THE_SCREEN))
          .as(lang + " " + size + " scrolls sideways")
          .isEqualTo("");
      page.navigate("/calendar/booking-link");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve(lang + "-" + size + "-qr-poster.png"))
              .setFullPage(true));
    } finally {
      shots.close();
    }
  }

  private Locator field(String day, String name) {
    return page.locator("#onboarding-hours input[name='" + day + "." + name + "']");
  }

  private Locator step(String id) {
    return page.locator("li.cb-step").filter(new Locator.FilterOptions().setHas(page.locator(id)));
  }

  private static void signIn(Page page, String email) {
    page.navigate("/signin");
    page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(TestOrganizations.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
  }

  private String firstFreeDay() {
    // open every day from 9 to 12: today while a quarter-hour is left, else tomorrow
    var now = java.time.ZonedDateTime.now(ZoneId.of("Africa/Cairo"));
    var today = now.toLocalDate();
    return (now.toLocalTime().isBefore(java.time.LocalTime.of(11, 45)) ? today : today.plusDays(1))
        .toString();
  }

  private List<String> hoursOf(TestOrganizations.Owner owner) {
    return OwnerDatabase.jdbc(environment)
        .sql(
            """
            select weekday || ' ' || to_char(starts, 'HH24:MI') || '-' || to_char(ends, 'HH24:MI')
            from weekly_hours where clinic_id = ? order by weekday""")
        .param(owner.clinic().value())
        .query(String.class)
        .list();
  }

  private String nameOf(TestOrganizations.Owner owner) {
    return OwnerDatabase.jdbc(environment)
        .sql("select name from clinics where id = ?")
        .param(owner.clinic().value())
        .query(String.class)
        .single();
  }
}
