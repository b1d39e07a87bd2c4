package io.carebook.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk puts a patient in line; a cancellation offers her the time; the desk books it. */
@CarebookTest
class WaitlistBrowserTests extends BrowserTestSupport {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;

  @Test
  void aFreedTimeIsOfferedToThePatientInLineAndTheDeskBooksIt() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var week = new ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of());
    var day = LocalDate.now(CAIRO).plusDays(2);
    var ten = day.atTime(10, 0).atZone(CAIRO).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                ten.toString(),
                "patient",
                Map.of("fullName", "Karim Early")));
    org.assertj.core.api.Assertions.assertThat(booked.status()).isEqualTo(201);

    signInAsOwner(page, owner);
    page.navigate("/calendar?date=" + day);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Waitlist")).click();
    page.getByLabel("Full name").fill("Layla Waiting");
    page.getByLabel("Phone").fill("0100 123 4567");
    page.locator("#date").fill(day.toString());
    page.locator("#from").fill("09:00");
    page.locator("#to").fill("12:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the waitlist"))
        .click();
    assertThat(page.locator("#waitlist")).containsText("Layla Waiting");
    assertThat(page.locator("#waitlist")).containsText("Waiting");

    var canceled =
        desk.post(
            "/api/v1/appointments/" + booked.text("id") + "/cancel",
            Map.of("reason", "the patient called"));
    org.assertj.core.api.Assertions.assertThat(canceled.status()).isEqualTo(200);

    // the offer is made after the cancellation commits, off the request thread
    var deadline = System.nanoTime() + 10_000_000_000L;
    do {
      page.reload();
    } while (!page.locator("#waitlist").innerText().contains("Offered")
        && System.nanoTime() < deadline);
    assertThat(page.locator("#waitlist")).containsText("Offered");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book the offer")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked");

    page.navigate("/calendar?date=" + day);
    assertThat(page.locator("li", new Page.LocatorOptions().setHasText("Layla Waiting")))
        .containsText("10:00");
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefusedAndNothingIsAdded() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    signInAsOwner(page, owner);
    page.navigate("/calendar/waitlist");
    page.getByLabel("Full name").fill("Backwards Window");
    page.locator("#from").fill("12:00");
    page.locator("#to").fill("09:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the waitlist"))
        .click();
    assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
    assertThat(page.getByText("Nobody is waiting.")).isVisible();
  }
}
