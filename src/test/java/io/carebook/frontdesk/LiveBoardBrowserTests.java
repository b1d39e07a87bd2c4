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

/**
 * Two browsers: the desk issues tokens and moves visits; a second desk and the waiting-room screen
 * show it without a reload.
 */
@CarebookTest
class LiveBoardBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void theBoardsFollowTheDeskWithoutAReload() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var ownerApi = api.as(owner.token());
    org.assertj.core.api.Assertions.assertThat(
            ownerApi
                .put(
                    "/api/v1/front-desk/settings",
                    Map.of("tokenScope", "CLINIC", "displayFirstNames", true),
                    Map.of())
                .status())
        .isEqualTo(200);
    var screenLink = ownerApi.post("/api/v1/front-desk/screen-link", Map.of()).text("path");

    // the waiting-room television: no sign-in, its own browser
    var tvContext = newContext(1280, 720);
    var tv = tvContext.newPage();
    tv.navigate(origin() + screenLink);
    assertThat(tv.locator(".cb-tv-calling")).containsText("Please wait to be called.");
    assertThat(tv.locator("[data-live-ready]")).hasCount(1);

    // a second desk, signed in as the owner too, showing the queue
    var boardContext = newContext(1280, 900);
    var board = boardContext.newPage();
    signInAsOwner(board, owner);
    board.navigate(origin() + "/desk");
    assertThat(board.locator("[data-live-ready]")).hasCount(1);
    assertThat(board.locator("#state-WAITING li")).hasCount(0);

    // the desk checks a walk-in in
    signInAsOwner(page, owner);
    page.navigate(origin() + "/desk");
    page.getByLabel("Full name").fill("Layla Live");
    page.getByLabel("Phone").fill("0100 555 0101");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue a token")).click();
    assertThat(page.locator("#issued")).hasText("Token 1 issued");

    var waiting = board.locator("#state-WAITING li[data-token='1']");
    assertThat(waiting).containsText("Layla Live");
    assertThat(tv.locator(".cb-tv-next li[data-token='1']")).containsText("Layla");
    assertThat(tv.locator(".cb-tv-next li[data-token='1']")).not().containsText("Live");

    // the desk calls the patient in: the board moves them, the screen calls the token
    page.locator("#state-WAITING li[data-token='1']")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Call to doctor"))
        .click();
    assertThat(board.locator("#state-WITH_DOCTOR li[data-token='1']")).containsText("Layla Live");
    assertThat(board.locator("#state-WAITING li")).hasCount(0);
    var called = tv.locator(".cb-tv-call-latest");
    assertThat(called.locator(".cb-tv-token")).hasText("1");
    assertThat(called).containsText("Please go in to the doctor");
    assertThat(tv.locator(".cb-tv-next li")).hasCount(0);

    // the owner turns first names off: the next change shows tokens only
    ownerApi.put(
        "/api/v1/front-desk/settings",
        Map.of("tokenScope", "CLINIC", "displayFirstNames", false),
        Map.of());
    page.getByLabel("Full name").fill("Karim Private");
    page.getByLabel("Phone").fill("0100 555 0102");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue a token")).click();
    assertThat(tv.locator(".cb-tv-next li[data-token='2']")).hasCount(1);
    assertThat(tv.locator(".cb-tv-screen")).not().containsText("Karim");
    assertThat(tv.locator(".cb-tv-screen")).not().containsText("Layla");
    assertThat(board.locator("#state-WAITING li[data-token='2']")).containsText("Karim Private");

    tvContext.close();
    boardContext.close();
  }

  @Test
  void aReplacedOrUnknownScreenLinkShowsNothing() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var ownerApi = api.as(owner.token());
    var first = ownerApi.post("/api/v1/front-desk/screen-link", Map.of()).text("path");
    var second = ownerApi.post("/api/v1/front-desk/screen-link", Map.of()).text("path");

    var response = page.navigate(origin() + first);
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
    response = page.navigate(origin() + "/tv/not-a-link");
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
    response = page.navigate(origin() + second);
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void theScreenSpeaksTheClinicsLanguage() {
    var api = new Api(port);
    var suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    var owner =
        organizations.signUp(
            api,
            Map.of(
                "organizationName",
                "عيادات " + suffix,
                "clinicName",
                "عيادة " + suffix,
                "ownerName",
                "مالك " + suffix,
                "email",
                "owner-" + suffix + "@example.test",
                "password",
                TestOrganizations.PASSWORD,
                "country",
                "EG",
                "timezone",
                "Africa/Cairo",
                "currency",
                "EGP",
                "locale",
                "ar",
                "ownerIsDoctor",
                true));
    var screenLink =
        api.as(owner.token()).post("/api/v1/front-desk/screen-link", Map.of()).text("path");
    page.navigate(origin() + screenLink);
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator(".cb-tv-calling h2")).hasText("يُنادى الآن");
  }

  @Test
  void aTelevisionSetToAnotherZoneShowsTheClinicsTime() {
    var api = new Api(port);
    var owner = organizations.signUp(api, "EG", "Africa/Cairo", "EGP");
    var screenLink =
        api.as(owner.token()).post("/api/v1/front-desk/screen-link", Map.of()).text("path");
    var tvContext = newContextInZone("America/Los_Angeles");
    var tv = tvContext.newPage();
    tv.navigate(origin() + screenLink);
    var clock = tv.locator("#clock");
    assertThat(clock).hasAttribute("data-zone", "Africa/Cairo");
    var cairo = java.time.ZoneId.of("Africa/Cairo");
    var format = java.time.format.DateTimeFormatter.ofPattern("hh:mm"); // the page may say AM/PM
    var before = java.time.ZonedDateTime.now(cairo).format(format);
    assertThat(clock).not().hasText("");
    var shown = clock.textContent().replaceAll("[^0-9:]", "");
    var after = java.time.ZonedDateTime.now(cairo).format(format);
    var hours24 = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    org.assertj.core.api.Assertions.assertThat(shown)
        .isIn(
            before,
            after,
            java.time.ZonedDateTime.now(cairo).minusMinutes(1).format(hours24),
            java.time.ZonedDateTime.now(cairo).format(hours24));
    tvContext.close();
  }
}
