package io.carebook.scheduling.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar's day grid in real Chromium, on a desktop and on a 360 px phone, in English and
 * Arabic: a receptionist clicks an empty slot, books, and sees the block in the doctor's column at
 * the slot's row; only the grid scrolls sideways, and in Arabic the doctors run right to left.
 */
@CarebookTest
class CalendarGridBrowserTests extends BrowserTestSupport {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final Path SHOTS = Path.of("target/screenshots/calendar");

  @Autowired TestOrganizations organizations;

  @Test
  void receptionistBooksFromTheGridClicksAnEmptySlotAndSeesTheBlock() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var first = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, first, "08:00", "20:00");
    var second = organizations.join(api, owner, "DOCTOR");
    var secondId = api.as(second.token()).get("/api/v1/me").text("userId");
    var week = new ArrayList<Map<String, String>>();
    for (var day : DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "09:00", "ends", "13:00"));
    }
    desk.put("/api/v1/doctors/" + secondId + "/hours", week, Map.of());
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var day = LocalDate.now(CAIRO).plusDays(1);

    var hour = 9;
    for (var lang : List.of("en", "ar")) {
      for (var phone : List.of(false, true)) {
        var viewport = phone ? newContext(360, 740, true) : newContext(1366, 800);
        var browser = viewport.newPage();
        signIn(browser, receptionist.email());
        var patient = "Grid Patient " + lang + (phone ? " phone" : " desk");
        var startsAt = day.atTime(hour, 30).atZone(CAIRO).toInstant();
        var calendar = "/calendar?date=" + day + "&lang=" + lang;
        browser.navigate(calendar);

        var column = browser.locator("ol.cb-grid-col[data-doctor='" + secondId + "']");
        column.locator("li[data-starts='" + startsAt + "'] a.cb-slot-link").click();
        assertThat(browser.locator("#qb-name")).isFocused();
        browser.locator("#qb-name").fill(patient);
        browser.locator("#qb-new").click();
        assertThat(browser.getByRole(AriaRole.STATUS).first()).isVisible();

        browser.navigate(calendar);
        var block = column.locator("li.cb-block", new Locator.LocatorOptions().setHasText(patient));
        assertThat(block).isVisible();
        // 08:00 is the grid's first row, a row every 15 minutes: hh:30 is row 4 (hh - 8) + 3
        var row = String.valueOf(4 * (hour - 8) + 3);
        assertThat(block).hasAttribute("data-row", row);
        org.assertj.core.api.Assertions.assertThat(
                block.evaluate("b => getComputedStyle(b).gridRowStart"))
            .isEqualTo(row);
        org.assertj.core.api.Assertions.assertThat(
                browser
                    .locator("ol.cb-grid-col[data-doctor='" + first + "'] li.cb-block")
                    .filter(new Locator.FilterOptions().setHasText(patient))
                    .count())
            .isZero();
        org.assertj.core.api.Assertions.assertThat(
                (Boolean)
                    browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
            .as("the page itself scrolls sideways in " + lang + (phone ? " on a phone" : ""))
            .isTrue();
        // the columns run in reading order: left to right, and in Arabic right to left
        var columns = browser.locator("ol.cb-grid-col");
        var leading = columns.nth(0).boundingBox();
        var next = columns.nth(1).boundingBox();
        if (lang.equals("ar")) {
          org.assertj.core.api.Assertions.assertThat(next.x).isLessThan(leading.x);
        } else {
          org.assertj.core.api.Assertions.assertThat(next.x).isGreaterThan(leading.x);
        }
        browser.screenshot(
            new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("day-" + lang + (phone ? "-phone" : "-desktop") + ".png"))
                .setFullPage(true));
        if (!phone) {
          // "Move" highlights the doctor's free times, each asking before it moves
          block.locator(".cb-move-link").click();
          assertThat(browser.locator("#moving")).containsText(patient);
          assertThat(column.locator(".cb-move-target").first()).isVisible();
          browser.waitForLoadState(); // the long page is written as it renders
          browser.screenshot(
              new Page.ScreenshotOptions()
                  .setPath(SHOTS.resolve("day-" + lang + "-move.png"))
                  .setFullPage(true));
        }
        viewport.close();
        hour++;
      }
    }
    // the doctor's week: the same grid with the days across, the blocks on their day
    for (var lang : List.of("en", "ar")) {
      var laptop = newContext(1366, 800).newPage();
      signIn(laptop, receptionist.email());
      laptop.navigate("/calendar/week?doctorId=" + secondId + "&date=" + day + "&lang=" + lang);
      var booked = laptop.locator("ol.cb-grid-col[data-date='" + day + "'] li.cb-block");
      assertThat(booked).hasCount(4);
      laptop.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve("week-" + lang + "-desktop.png"))
              .setFullPage(true));
      laptop.context().close();
    }
  }

  @Test
  void theDayGridShowsAnAppointmentBookedElsewhereWithinHalfAMinuteWithoutAReload() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var day = LocalDate.now(CAIRO).plusDays(1);
    signInAsOwner(page, owner);
    page.clock().install();
    page.navigate("/calendar?date=" + day);
    assertThat(page.locator("#day-grid")).isVisible();

    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                day.atTime(11, 0).atZone(CAIRO).toInstant().toString(),
                "patient",
                Map.of("fullName", "Booked Elsewhere", "phone", "+201001239911")));
    org.assertj.core.api.Assertions.assertThat(booked.status()).isEqualTo(201);
    var block =
        page.locator("li.cb-block", new Page.LocatorOptions().setHasText("Booked Elsewhere"));
    assertThat(block).hasCount(0);
    page.clock().runFor(31_000);
    assertThat(block).isVisible();
    assertThat(block).hasAttribute("data-row", "13"); // 11:00, from 08:00 every 15 minutes
  }

  private static void signIn(Page page, String email) {
    page.navigate("/signin");
    page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(TestOrganizations.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    page.waitForURL(url -> !url.contains("/signin"));
  }
}
