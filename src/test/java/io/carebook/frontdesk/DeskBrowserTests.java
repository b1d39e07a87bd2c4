package io.carebook.frontdesk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk page: walk-ins checked in with a token, queued by priority, moved along its states. */
@CarebookTest
class DeskBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  private static Locator visit(Page page, String state, int token) {
    return page.locator("#state-" + state + " li[data-token='" + token + "']");
  }

  private void checkIn(String name, String phone, String priority) {
    page.getByLabel("Full name").fill(name);
    page.getByLabel("Phone").fill(phone);
    page.locator("#priority").selectOption(priority);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue a token")).click();
  }

  @Test
  void theDeskChecksInWalkInsAndMovesThemAlong() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    signInAsOwner(page, owner);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Front desk")).click();

    checkIn("Omar Walkin", "0100 555 0001", "NONE");
    assertThat(page.locator("#issued")).hasText("Token 1 issued");
    assertThat(visit(page, "WAITING", 1)).containsText("Omar Walkin");
    assertThat(visit(page, "WAITING", 1)).containsText("waiting 0 min");

    checkIn("Sara Urgent", "0100 555 0002", "EMERGENCY");
    assertThat(page.locator("#issued")).hasText("Token 2 issued");
    var waiting = page.locator("#state-WAITING li");
    assertThat(waiting).hasCount(2);
    assertThat(waiting.first()).containsText("Sara Urgent");
    assertThat(waiting.first()).containsText("Emergency");
    assertThat(waiting.nth(1)).containsText("Omar Walkin");

    visit(page, "WAITING", 1)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Call to doctor"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Called to the doctor");
    visit(page, "WITH_DOCTOR", 1)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done").setExact(true))
        .click();
    assertThat(visit(page, "DONE", 1)).containsText("Omar Walkin");
    assertThat(page.locator("#state-WAITING li")).hasCount(1);

    visit(page, "WAITING", 2)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
        .click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Give a reason to cancel");
    assertThat(visit(page, "WAITING", 2)).containsText("Sara Urgent");
    assertThat(page.locator("#state-CLOSED")).hasCount(0);

    visit(page, "WAITING", 2).getByLabel("Reason").fill("went to the hospital");
    visit(page, "WAITING", 2)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
        .click();
    assertThat(page.locator("#state-WAITING li")).hasCount(0);
    assertThat(page.locator("#state-CLOSED")).containsText("Canceled or no-show (1)");
  }

  @Test
  void aReceptionistChecksInAndCancelsButCannotFinishAVisit() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var doctor = api.as(owner.token()).get("/api/v1/me").text("userId");
    var first =
        api.as(owner.token())
            .post(
                "/api/v1/visits",
                Map.of("patient", Map.of("fullName", "Hana Early"), "doctorId", doctor));
    org.assertj.core.api.Assertions.assertThat(first.status()).isEqualTo(201);
    var moved =
        api.as(owner.token())
            .post("/api/v1/visits/" + first.text("id") + "/start-doctor", Map.of());
    org.assertj.core.api.Assertions.assertThat(moved.status()).isEqualTo(200);
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");

    page.navigate("/signin");
    page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true))
        .fill(receptionist.email());
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(TestOrganizations.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Front desk")).click();

    assertThat(page.locator("#check-in")).isVisible();
    var withDoctor = visit(page, "WITH_DOCTOR", 1);
    assertThat(withDoctor).containsText("Hana Early");
    assertThat(
            withDoctor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")))
        .isVisible();
    assertThat(
            withDoctor.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done").setExact(true)))
        .hasCount(0);

    checkIn("Yusuf Walkin", "0100 555 0003", "ELDERLY");
    assertThat(page.locator("#issued")).hasText("Token 2 issued");
    var waiting = visit(page, "WAITING", 2);
    assertThat(waiting).containsText("Elderly");
    assertThat(
            waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("No-show")))
        .isVisible();
    assertThat(
            waiting.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Call to doctor")))
        .hasCount(0);

    // found as the desk types, and checked in again without typing the rest (once htmx is
    // listening: the page has just been reloaded by the check-in)
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    page.getByLabel("Full name").fill("Yusuf Wal");
    var match = page.locator("#matches li", new Page.LocatorOptions().setHasText("Yusuf Walkin"));
    assertThat(match).hasCount(1);
    match.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in")).click();
    assertThat(page.locator("#issued")).hasText("Token 3 issued");
    assertThat(visit(page, "WAITING", 3)).containsText("Yusuf Walkin");
  }

  /** A time zone where it is late morning now, so a test can book later today whatever the hour. */
  private static java.time.ZoneId lateMorningZone() {
    var utcHour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
    var offset = Math.floorMod(10 - utcHour + 12, 24) - 12; // -12..+11
    return java.time.ZoneId.of(
        offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
  }

  @Test
  void aBookedPatientArrivesAndTheDoctorCallsTheNextPatientIn() {
    var api = new Api(port);
    var zone = lateMorningZone();
    var owner = organizations.signUp(api, "EG", zone.getId(), "EGP");
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, doctor, "00:00", "23:45");
    var at =
        java.time.ZonedDateTime.now(zone)
            .plusHours(2)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                at.toString(),
                "patient",
                Map.of("fullName", "Basma Booked")));
    org.assertj.core.api.Assertions.assertThat(booked.status())
        .as(booked.body().toString())
        .isEqualTo(201);
    desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "Walid Walkin")));

    signInAsOwner(page, owner);
    page.navigate(origin() + "/desk");
    var expected =
        page.locator("#expected li", new Page.LocatorOptions().setHasText("Basma Booked"));
    assertThat(expected).hasCount(1);
    expected
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Arrived: check in"))
        .click();
    assertThat(page.locator("#issued")).hasText("Token 2 issued");
    assertThat(page.locator("#expected")).hasCount(0);
    assertThat(visit(page, "WAITING", 2)).containsText("Basma Booked");
    assertThat(visit(page, "WAITING", 2)).containsText("about 15 min to go");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Doctor's day")).click();
    assertThat(page.locator("#queue li")).hasCount(2);
    assertThat(page.locator("#queue li").nth(1)).containsText("booked");
    page.locator("#call-next").click();
    assertThat(page.locator("#called")).hasText("Token 1 called in.");
    assertThat(page.locator("#in-room")).containsText("Walid Walkin");
    assertThat(page.locator("#queue li")).hasCount(1);
    page.locator("#in-room")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done"))
        .click();
    assertThat(page.locator("#in-room")).containsText("Nobody yet.");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/desk/doctor\\?doctorId=.*"));
    assertThat(page.locator("#day")).containsText("Seen today: 1");
  }

  @Test
  void theDeskIsWarnedOfAPatientWhoMayAlreadyBeRegistered() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var registered =
        api.as(owner.token())
            .post(
                "/api/v1/patients", Map.of("fullName", "Mona Abdelaziz", "phone", "0100 555 0301"));
    org.assertj.core.api.Assertions.assertThat(registered.status()).isEqualTo(201);
    signInAsOwner(page, owner);
    page.navigate(origin() + "/desk");

    // the same person by the duplicate rule: found, no warning
    checkIn("mona abdelaziz", "01005550301", "NONE");
    assertThat(page.locator("#issued")).hasText("Token 1 issued");
    assertThat(visit(page, "WAITING", 1)).containsText("Mona Abdelaziz");

    // a name alike with another phone: a warning, nothing registered yet
    checkIn("Mona Abdelazis", "0100 555 0302", "ELDERLY");
    var warning = page.locator("#possible-duplicates");
    assertThat(warning).containsText("Mona Abdelaziz");
    assertThat(page.locator("#issued")).hasCount(0);
    page.locator("#register-anyway").click();
    assertThat(page.locator("#issued")).hasText("Token 2 issued");
    assertThat(visit(page, "WAITING", 2)).containsText("Mona Abdelazis");
    assertThat(visit(page, "WAITING", 2)).containsText("Elderly");

    // the same phone, another name (a household): the existing person can be picked
    checkIn("Omar Abdelaziz", "0100 555 0301", "NONE");
    warning
        .locator("li", new Locator.LocatorOptions().setHasText("Mona Abdelaziz"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in"))
        .click();
    assertThat(page.locator("#issued")).hasText("Token 3 issued");
    assertThat(visit(page, "WAITING", 3)).containsText("Mona Abdelaziz");
  }
}
