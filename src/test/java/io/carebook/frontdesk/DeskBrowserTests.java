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
  @Autowired org.springframework.core.env.Environment environment;

  private static Locator visit(Page page, String state, int token) {
    return page.locator("#state-" + state + " li[data-token='" + token + "']");
  }

  /** Opens a card's "More…" steps (no-show, cancel with a reason), kept apart from the others. */
  private static Locator more(Locator card) {
    var more = card.locator("details.cb-more");
    if (more.getAttribute("open") == null) {
      more.locator("summary").click();
    }
    return more;
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

    more(visit(page, "WAITING", 2))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
        .click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Give a reason to cancel");
    assertThat(visit(page, "WAITING", 2)).containsText("Sara Urgent");
    assertThat(page.locator("#state-CLOSED")).hasCount(0);

    // the card's cancel form is open again, its reason field ready
    assertThat(visit(page, "WAITING", 2).getByLabel("Reason")).isFocused();
    more(visit(page, "WAITING", 2)).getByLabel("Reason").fill("went to the hospital");
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
            more(withDoctor)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")))
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
            more(waiting)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("No-show")))
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
    expected.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in")).click();
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

  private static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target/screenshots/desk");

  /** A booked appointment of today at {@code at} for a new patient; its id. */
  private static String book(Api desk, String doctor, java.time.Instant at, String name) {
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                at.toString(),
                "patient",
                Map.of("fullName", name)));
    org.assertj.core.api.Assertions.assertThat(booked.status())
        .as(booked.body().toString())
        .isEqualTo(201);
    return booked.text("id");
  }

  /** A walk-in checked in through the API and moved along {@code steps}; its id. */
  private static String walkIn(
      Api desk,
      String name,
      @org.jspecify.annotations.Nullable String doctor,
      String priority,
      String... steps) {
    var body = new java.util.HashMap<String, Object>();
    body.put("patient", Map.of("fullName", name));
    body.put("priority", priority);
    if (doctor != null) {
      body.put("doctorId", doctor);
    }
    var visit = desk.post("/api/v1/visits", body);
    org.assertj.core.api.Assertions.assertThat(visit.status())
        .as(visit.body().toString())
        .isEqualTo(201);
    for (var step : steps) {
      var moved = desk.post("/api/v1/visits/" + visit.text("id") + "/" + step, Map.of());
      org.assertj.core.api.Assertions.assertThat(moved.status())
          .as(moved.body().toString())
          .isEqualTo(200);
    }
    return visit.text("id");
  }

  /** A context signed in as the page's member, in {@code lang}, at a size. */
  private com.microsoft.playwright.BrowserContext signedIn(
      String lang, int width, int height, boolean mobile) {
    var other = newContext(width, height, mobile);
    other.addCookies(context.cookies());
    other.addCookies(
        java.util.List.of(
            new com.microsoft.playwright.options.Cookie("carebook-lang", lang).setUrl(origin())));
    return other;
  }

  private static void noSidewaysScroll(Page page, String what) {
    var wide =
        ((Number)
                page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .intValue();
    org.assertj.core.api.Assertions.assertThat(wide)
        .as(what + ": sideways scroll")
        .isLessThanOrEqualTo(0);
  }

  private static void shoot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Test
  void receptionistsMorningBooksFromTheGridChecksThePatientInAndTheQueueMoves() {
    var api = new Api(port);
    var zone = lateMorningZone();
    var owner = organizations.signUp(api, "EG", zone.getId(), "EGP");
    var doctor = api.as(owner.token()).get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(api.as(owner.token()), doctor, "00:00", "23:45");
    signInAsOwner(page, owner);
    page.waitForURL(u -> !u.contains("/signin"));
    record Round(String lang, int width, int height, boolean mobile, String name, String phone) {}
    for (var round :
        java.util.List.of(
            new Round("en", 1366, 800, false, "Grace Grid", "+201001112201"),
            new Round("ar", 360, 740, true, "Ghada Grid", "+201001112202"))) {
      var browser = signedIn(round.lang(), round.width(), round.height(), round.mobile());
      var morning = browser.newPage();
      // the calendar: today's first free time in the doctor's column, booked through quick-book
      morning.navigate("/calendar");
      morning.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
      morning
          .locator("ol.cb-grid-col[data-doctor='" + doctor + "'] a.cb-slot-link")
          .first()
          .click();
      morning.locator("#qb-name").fill(round.name());
      morning.locator("#qb-phone").fill(round.phone());
      morning.locator("#qb-new").click();
      assertThat(morning.getByRole(AriaRole.STATUS).first()).isVisible();
      assertThat(
              morning.locator(
                  "ol.cb-grid-col[data-doctor='" + doctor + "'] li.cb-block",
                  new Page.LocatorOptions().setHasText(round.name())))
          .hasCount(1);
      noSidewaysScroll(morning, round.lang() + " calendar");

      // the desk: the booking is among today's arrivals, checked in with one click
      morning.navigate("/desk");
      var arrival =
          morning.locator("#expected li", new Page.LocatorOptions().setHasText(round.name()));
      assertThat(arrival).hasCount(1);
      arrival.locator("button[type=submit]").click();
      var waiting =
          morning.locator("#state-WAITING li", new Page.LocatorOptions().setHasText(round.name()));
      assertThat(waiting).hasCount(1);
      waiting.locator("form[action$='/start-doctor'] button").click();
      assertThat(
              morning.locator(
                  "#state-WITH_DOCTOR li", new Page.LocatorOptions().setHasText(round.name())))
          .hasCount(1);
      noSidewaysScroll(morning, round.lang() + " desk");
      browser.close();
    }
  }

  @Test
  void receptionistsMorningChecksInAnArrivalWithOneClickAndTheQueueMoves() {
    var api = new Api(port);
    var zone = lateMorningZone();
    var owner = organizations.signUp(api, "EG", zone.getId(), "EGP");
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, doctor, "00:00", "23:45");
    var inTwoHours =
        java.time.ZonedDateTime.now(zone)
            .plusHours(2)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .toInstant();
    // booked out of time order; one of them should have come 40 minutes ago
    var names =
        java.util.List.of("Amal Arrival", "Badr Arrival", "Camelia Arrival", "Dina Arrival");
    for (int i = names.size() - 1; i >= 0; i--) {
      book(desk, doctor, inTwoHours.plus(java.time.Duration.ofMinutes(30L * i)), names.get(i));
    }
    var late = book(desk, doctor, inTwoHours.plus(java.time.Duration.ofHours(3)), "Layla Late");
    var past =
        java.time.Instant.now()
            .minus(java.time.Duration.ofMinutes(40))
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    io.carebook.OwnerDatabase.jdbc(environment)
        .sql(
            "update appointments set starts_at = ?::timestamptz, ends_at = ?::timestamptz"
                + " where id = ?::uuid")
        .param(past.toString())
        .param(past.plus(java.time.Duration.ofMinutes(15)).toString())
        .param(late)
        .update();
    // a morning under way: seen, with the doctor, with the assistant, waiting
    walkIn(desk, "Hany Seen", doctor, "NONE", "start-doctor", "complete");
    walkIn(desk, "Nour Inside", doctor, "NONE", "start-doctor");
    walkIn(desk, "Omar Assistant", null, "ELDERLY", "start-assistant");
    walkIn(desk, "Rana Urgent", null, "EMERGENCY");
    walkIn(desk, "Samir Waiting", doctor, "FOLLOW_UP");

    signInAsOwner(page, owner);
    page.waitForURL(u -> !u.contains("/signin"));
    record Round(String lang, int width, int height, boolean mobile, String size) {}
    var rounds =
        java.util.List.of(
            new Round("en", 1366, 800, false, "desktop"),
            new Round("en", 360, 740, true, "phone"),
            new Round("ar", 1366, 800, false, "desktop"),
            new Round("ar", 360, 740, true, "phone"));
    for (int r = 0; r < rounds.size(); r++) {
      var round = rounds.get(r);
      var name = names.get(r);
      var what = round.lang() + " " + round.size();
      var browser = signedIn(round.lang(), round.width(), round.height(), round.mobile());
      var desk1 = browser.newPage();
      desk1.navigate("/desk");
      assertThat(desk1.locator("html"))
          .hasAttribute("dir", "ar".equals(round.lang()) ? "rtl" : "ltr");
      // the arrivals in time order, the late one first and flagged
      var arrivals = desk1.locator("#expected li");
      assertThat(arrivals.first()).containsText("Layla Late");
      assertThat(arrivals.first()).hasClass(java.util.regex.Pattern.compile("cb-late"));
      assertThat(arrivals.nth(1)).containsText(name);
      noSidewaysScroll(desk1, what);
      shoot(desk1, "desk-" + round.lang() + "-" + round.size());

      var arrival = desk1.locator("#expected li", new Page.LocatorOptions().setHasText(name));
      if (r == 2) {
        // the keyboard: "/" goes to the find-or-register field; Enter on an arrival checks in
        desk1.locator("h1").click();
        desk1.keyboard().press("/");
        assertThat(desk1.locator("#fullName")).isFocused();
        arrival.focus();
        desk1.keyboard().press("Enter");
        // back with the next arrival selected, ready for the next Enter
        assertThat(desk1.locator("#expected li").first()).isFocused();
      } else {
        arrival.locator("button[type=submit]").click();
      }
      assertThat(desk1.locator("#issued")).isVisible();
      var card = desk1.locator("#state-WAITING li", new Page.LocatorOptions().setHasText(name));
      assertThat(card).hasCount(1);
      assertThat(desk1.locator("#expected li", new Page.LocatorOptions().setHasText(name)))
          .hasCount(0);

      card.locator("form[action$='/start-doctor'] button").click();
      assertThat(desk1.locator("#state-WITH_DOCTOR li", new Page.LocatorOptions().setHasText(name)))
          .hasCount(1);
      assertThat(desk1.locator("#state-WAITING li", new Page.LocatorOptions().setHasText(name)))
          .hasCount(0);
      noSidewaysScroll(desk1, what + " after the moves");

      // by doctor: one column per doctor and one for any doctor, remembered in the address
      desk1.locator("#board-view a").nth(1).click();
      assertThat(desk1).hasURL(java.util.regex.Pattern.compile(".*view=doctor.*"));
      assertThat(
              desk1.locator(
                  "#doctor-" + doctor + " li", new Page.LocatorOptions().setHasText(name)))
          .hasCount(1);
      assertThat(
              desk1.locator("#doctor-ANY li", new Page.LocatorOptions().setHasText("Rana Urgent")))
          .hasCount(1);
      noSidewaysScroll(desk1, what + " by doctor");
      shoot(desk1, "desk-by-doctor-" + round.lang() + "-" + round.size());
      desk1.navigate("/desk/doctor");
      noSidewaysScroll(desk1, what + " doctor's day");
      shoot(desk1, "doctor-" + round.lang() + "-" + round.size());
      browser.close();
    }
  }

  @Test
  void doctorsDayLinksToTheEncounterOfThePatientInTheRoom() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");
    var inside = walkIn(desk, "Ines Inside", me, "NONE", "start-doctor");
    var next = walkIn(desk, "Walid Next", me, "NONE");

    signInAsOwner(page, owner);
    page.navigate(origin() + "/desk/doctor");
    var room = page.locator("#in-room li[data-visit='" + inside + "']");
    assertThat(room).containsText("Ines Inside");
    var encounter =
        room.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Encounter"));
    assertThat(encounter).hasAttribute("href", "/visits/" + inside + "/encounter");
    encounter.click();
    assertThat(page).hasURL(origin() + "/visits/" + inside + "/encounter");
    assertThat(page.locator("main")).containsText("Ines Inside");

    // the next patient, called in, is linked in their turn
    page.navigate(origin() + "/desk/doctor");
    assertThat(page.locator("#call-next")).containsText("Walid Next");
    page.locator("#call-next").click();
    var called = page.locator("#in-room li[data-visit='" + next + "']");
    assertThat(called).containsText("Walid Next");
    called.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Encounter")).click();
    assertThat(page).hasURL(origin() + "/visits/" + next + "/encounter");
    assertThat(page.locator("main")).containsText("Walid Next");
  }
}
