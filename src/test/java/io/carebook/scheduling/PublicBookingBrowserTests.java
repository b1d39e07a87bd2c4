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
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
    page.locator("#times h3 a").first().click();
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

  private static final Pattern MANAGE = Pattern.compile("/book/manage/([A-Za-z0-9_-]+) ");
  private static final Path SHOTS = Path.of("target/screenshots/public");

  /** A clinic open every day 08:00-20:00 with the given horizon, its address and phone set. */
  private record Clinic(TestOrganizations.Owner owner, Api desk, String doctor, String slug) {}

  private Clinic clinic(int horizonDays) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var rules = new java.util.HashMap<String, Object>();
    rules.put("durationMinutes", 30);
    rules.put("bufferBeforeMinutes", 0);
    rules.put("bufferAfterMinutes", 0);
    rules.put("minimumNoticeMinutes", 60);
    rules.put("horizonDays", horizonDays);
    rules.put("alignmentMinutes", 30);
    rules.put("seats", 1);
    desk.put("/api/v1/booking-rules", rules, Map.of());
    var db = OwnerDatabase.jdbc(environment);
    db.sql("update clinics set address = ?, phone = ? where id = ?")
        .params("12 Nile Street, Zamalek, Cairo", "+20 2 2735 0000", owner.clinic().value())
        .update();
    var slug =
        db.sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    return new Clinic(owner, desk, doctor, slug);
  }

  /** A page in {@code lang} (the browser's language), on a desktop or a 360 px phone. */
  private Page browse(String lang, boolean phone) {
    var context = phone ? newContext(360, 740, true) : newContext(1366, 800);
    // the browser's language on every request (the context's own locale is English)
    context.route(
        "**/*",
        route -> {
          var headers = new java.util.HashMap<>(route.request().headers());
          headers.put("accept-language", lang);
          route.resume(new com.microsoft.playwright.Route.ResumeOptions().setHeaders(headers));
        });
    return context.newPage();
  }

  private static void shoot(Page page, String name, String lang, boolean phone) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SHOTS.resolve(name + "-" + lang + (phone ? "-phone" : "-desktop") + ".png"))
            .setFullPage(true));
    // nothing scrolls sideways, on a phone least of all
    var overflow =
        ((Number)
                page.evaluate(
                    "() => document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth"))
            .intValue();
    org.assertj.core.api.Assertions.assertThat(overflow)
        .as(name + " " + lang + (phone ? " phone" : " desktop") + " scrolls sideways")
        .isLessThanOrEqualTo(0);
  }

  @Test
  void patientBooksThroughTheMonthPickerReceivesTheManageLinkMovesAndCancelsWithConfirmation() {
    var clinic = clinic(60);
    var journeys = List.of(Map.entry("en", false), Map.entry("ar", true));
    var number = 4400;
    for (var journey : journeys) {
      var lang = journey.getKey();
      var phone = journey.getValue();
      var other = !phone; // the same pages in the other viewport, for the screenshots
      var patient = browse(lang, phone);
      patient.navigate("/book/" + clinic.slug());

      // a month of days: free ones are links, the others say why they cannot be chosen
      var month = patient.locator("#month-title").textContent();
      var grid = patient.locator(".cb-pick-grid");
      assertThat(grid.locator("a.cb-pickday-free").first()).isVisible();
      var disabled = grid.locator("[aria-disabled=true]");
      for (int i = 0; i < disabled.count(); i++) {
        org.assertj.core.api.Assertions.assertThat(disabled.nth(i).getAttribute("title"))
            .isNotBlank();
      }
      assertThat(grid.locator("[aria-current=date]")).hasCount(1);
      assertThat(patient.locator("#month-previous")).hasCount(0); // nothing before this month
      shoot(patient, "booking", lang, phone);

      // next month (htmx swaps the picker), then a day chosen with the keyboard
      patient.locator("#month-next").click();
      assertThat(patient.locator("#month-title")).not().hasText(month);
      assertThat(patient).hasURL(Pattern.compile(".*month=.*"));
      var day = patient.locator(".cb-pick-grid a.cb-pickday-free").nth(2);
      var dayId = day.getAttribute("id");
      day.focus();
      patient.keyboard().press("Enter");
      assertThat(patient.locator("#" + dayId)).hasAttribute("aria-current", "date");
      assertThat(patient).hasURL(Pattern.compile(".*day=" + dayId.substring(4) + ".*"));
      var time = patient.locator("#times .cb-slot").first();
      var chosenTime = time.textContent().strip();
      time.click();

      // the details: who with, where, when
      assertThat(patient.locator("#doctor")).not().isEmpty();
      assertThat(patient.locator("#clinic-address")).hasText("12 Nile Street, Zamalek, Cairo");
      assertThat(patient.locator("#when")).containsText(chosenTime);
      assertThat(patient.locator(".cb-public-avatar")).isVisible();
      shoot(patient, "details", lang, phone);
      number += 11;
      patient.locator("#fullName").fill("Nadia Month " + lang);
      patient.locator("#phone").fill("0109 556 " + number);
      patient.locator("#details-form button[type=submit]").click();

      // the code page says where the code went, masked, and holds the resend back
      assertThat(patient).hasURL(Pattern.compile(".*/requests/.*"));
      assertThat(patient.locator("#sent-to"))
          .containsText("+20 •••• ••" + String.valueOf(number).substring(2));
      assertThat(patient.locator("#sent-to")).not().containsText("556");
      assertThat(patient.locator("#resend")).isDisabled();
      shoot(patient, "code", lang, phone);
      var codePage = patient.url();
      var e164 = "+20109556" + number;
      patient.locator("#code").fill(organizations.linkToken(clinic.owner().tenant(), e164, CODE));
      patient.locator("#code-form button[type=submit]").click();

      // the confirmation: booked, who with, where, and into the patient's own calendar
      assertThat(patient.locator("#booked")).isVisible();
      assertThat(patient.locator("#when")).containsText(chosenTime);
      assertThat(patient.locator("#doctor")).not().isEmpty();
      assertThat(patient.locator("#clinic-address")).isVisible();
      assertThat(patient.locator("#add-to-calendar"))
          .hasAttribute("href", Pattern.compile(".*/appointment\\.ics"));
      assertThat(patient.locator("#google-calendar"))
          .hasAttribute("href", Pattern.compile("https://calendar\\.google\\.com/.*dates=.*"));
      shoot(patient, "confirmation", lang, phone);
      var token = patient.url().replaceAll(".*/book/manage/", "").replace("?booked", "");
      // the link that reaches the patient is this page's
      var manageLink = organizations.linkToken(clinic.owner().tenant(), e164, MANAGE);
      org.assertj.core.api.Assertions.assertThat(manageLink).isEqualTo(token);

      // the same pages in the other viewport, for the eye
      var look = browse(lang, other);
      look.navigate("/book/" + clinic.slug());
      shoot(look, "booking", lang, other);
      look.navigate(codePage);
      shoot(look, "code", lang, other);
      look.navigate("/book/manage/" + manageLink + "?booked");
      shoot(look, "confirmation", lang, other);
      look.context().close();

      // from the link she received, she moves it: asked first, then moved
      patient.navigate("/book/manage/" + manageLink);
      patient.locator("#move-times").locator("xpath=..").locator("summary").click();
      shoot(patient, "manage", lang, phone);
      var later = patient.locator("#move-times .mb-2").last().locator(".cb-slot").first();
      var laterTime = later.textContent().strip();
      later.click();
      assertThat(patient.locator("#confirm-move")).containsText(laterTime);
      patient.locator("#confirm-move button[type=submit]").click();
      assertThat(patient.locator("#moved")).isVisible();
      assertThat(patient.locator("#when")).containsText(laterTime);

      // and cancels it: asked first, then canceled, no longer offered to move or add
      patient.locator("#cancel summary").click();
      patient.locator("#cancel button[type=submit]").click();
      assertThat(patient.locator("#cancel")).hasCount(0);
      assertThat(patient.locator("#add-to-calendar")).hasCount(0);
      assertThat(patient.locator(".badge.text-bg-danger")).isVisible();
      patient.context().close();
    }
  }

  @Test
  void resendIsRefusedBeforeTheDelay() {
    var clinic = clinic(14);
    page.navigate("/book/" + clinic.slug());
    page.locator("#times .cb-slot").first().click();
    page.locator("#fullName").fill("Rami Resend");
    page.locator("#phone").fill("0109 557 1212");
    page.locator("#details-form button[type=submit]").click();
    assertThat(page.locator("#sent-to")).containsText("+20 •••• ••12");
    var first = organizations.linkToken(clinic.owner().tenant(), "+201095571212", CODE);

    // the button waits, counting down; sent anyway (a script would), the server refuses
    assertThat(page.locator("#resend")).isDisabled();
    assertThat(page.locator("#resend")).containsText(Pattern.compile("\\d+ s"));
    page.evalOnSelector("#resend", "b => { b.disabled = false; }");
    var refused =
        page.waitForResponse(
            r -> r.url().endsWith("/resend"), () -> page.locator("#resend").click());
    org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(429);
    org.assertj.core.api.Assertions.assertThat(refused.headerValue("retry-after")).isNotBlank();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("sent moments ago");
    var db = OwnerDatabase.jdbc(environment);
    var request = page.url().replaceAll(".*/requests/([0-9a-f-]+).*", "$1");
    org.assertj.core.api.Assertions.assertThat(
            db.sql("select resends from booking_requests where id = ?::uuid")
                .param(request)
                .query(Integer.class)
                .single())
        .isZero();

    // once the delay has passed the button works: a new code, the old one dead
    db.sql(
            "update booking_requests set code_sent_at = now() - interval '1 minute'"
                + " where id = ?::uuid")
        .param(request)
        .update();
    page.navigate(page.url().replaceAll("/resend$", ""));
    assertThat(page.locator("#resend")).isEnabled();
    page.locator("#resend").click();
    assertThat(page.locator("#resent")).isVisible();
    assertThat(page.locator("#resend")).isDisabled();
    var codes = organizations.linkTokens(clinic.owner().tenant(), "+201095571212", CODE, 2);
    org.assertj.core.api.Assertions.assertThat(codes.getFirst()).isNotEqualTo(first);
    page.locator("#code").fill(first);
    page.locator("#code-form button[type=submit]").click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("not right|wrong"));
    page.locator("#code").fill(codes.getFirst());
    page.locator("#code-form button[type=submit]").click();
    assertThat(page.locator("#booked")).isVisible();
  }

  @Test
  void serviceIsAskedFirstWhenTheClinicOffersSeveral() {
    var clinic = clinic(30);
    // one service: no question, the days at once
    page.navigate("/book/" + clinic.slug());
    assertThat(page.locator("#service-types")).hasCount(0);
    assertThat(page.locator("#picker")).isVisible();

    // several: asked first, each with its length and price in the clinic's currency
    clinic.desk().post("/api/v1/service-types", ServiceTypesTests.type("Follow-up", 20, 20));
    clinic
        .desk()
        .put(
            "/api/v1/service-types/price",
            Map.of("serviceType", "Follow-up", "price", new java.math.BigDecimal("250")),
            Map.of());
    clinic
        .desk()
        .put(
            "/api/v1/service-types/price",
            Map.of("serviceType", "", "price", new java.math.BigDecimal("400.50")),
            Map.of());
    page.navigate("/book/" + clinic.slug());
    var cards = page.locator("#service-types .cb-service-card");
    assertThat(cards).hasCount(2);
    assertThat(page.locator("#picker")).hasCount(0);
    assertThat(page.locator(".cb-slot")).hasCount(0);
    var followUp = cards.filter(new Locator.FilterOptions().setHasText("Follow-up"));
    assertThat(followUp).containsText("20 min");
    assertThat(followUp).containsText("EGP");
    assertThat(followUp).containsText("250.00");
    assertThat(cards.first()).containsText("400.50");
    shoot(page, "services", "en", false);
    var arabic = browse("ar", true);
    arabic.navigate("/book/" + clinic.slug());
    assertThat(arabic.locator("#service-types .cb-service-card")).hasCount(2);
    shoot(arabic, "services", "ar", true);
    arabic.context().close();

    followUp.click();
    assertThat(page.locator("#service-types .active")).containsText("Follow-up");
    assertThat(page.locator("#picker .cb-slot").first()).isVisible();

    // a shared link with ?type= preselects it
    var link = newContext(1366, 800).newPage();
    link.navigate("/book/" + clinic.slug() + "?type=Follow-up");
    assertThat(link.locator("#service-types .active")).containsText("Follow-up · 20 min");
    assertThat(link.locator(".cb-service-card")).hasCount(0);
    link.locator("#times .cb-slot").first().click();
    assertThat(link.locator("#service-type")).containsText("Follow-up · 20 min");
    // a type the clinic does not offer is not found
    org.assertj.core.api.Assertions.assertThat(
            link.navigate("/book/" + clinic.slug() + "?type=Nope").status())
        .isEqualTo(404);
    link.context().close();
  }

  @Test
  void theMonthPickerWorksWithoutJavaScript() {
    var clinic = clinic(45);
    var plain = newContextWithoutJavaScript().newPage();
    plain.navigate("/book/" + clinic.slug());
    // month after month to the horizon's last: there, no next month
    var lastDay = java.time.LocalDate.now(CAIRO).plusDays(45);
    // the horizon is 45 days from this moment, so before the doctor's 08:00 start (just after
    // midnight in Cairo) that last day has no time yet and the day before is the last to choose
    var lastFree =
        java.time.LocalTime.now(CAIRO).isBefore(java.time.LocalTime.of(8, 0))
            ? lastDay.minusDays(1)
            : lastDay;
    while (plain.locator("#month-next").count() > 0) {
      var month = plain.locator("#month-title").textContent();
      plain.locator("#month-next").click();
      assertThat(plain.locator("#month-title")).not().hasText(month);
    }
    assertThat(plain.locator("#month-previous")).isVisible();
    // its days past the horizon say why they cannot be chosen
    assertThat(plain.locator(".cb-pick-grid [title='Not yet open for online booking']"))
        .hasCount(lastDay.lengthOfMonth() - lastDay.getDayOfMonth());
    var day = plain.locator(".cb-pick-grid a.cb-pickday-free").last();
    var dayId = day.getAttribute("id");
    org.assertj.core.api.Assertions.assertThat(dayId).isEqualTo("day-" + lastFree);
    day.click();
    assertThat(plain.locator("#" + dayId)).hasAttribute("aria-current", "date");
    plain.locator("#times .cb-slot").first().click();
    assertThat(plain.locator("#details-form")).isVisible();
    plain.context().close();
  }
}
