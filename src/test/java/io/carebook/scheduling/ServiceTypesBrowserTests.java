package io.carebook.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The owner adds a service type on the hours page; a patient picks it on the public page and books
 * it, or, when no time suits, joins the waitlist from there, and the desk sees the entry.
 */
@CarebookTest
class ServiceTypesBrowserTests extends BrowserTestSupport {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final Pattern CODE = Pattern.compile("(\\d{6}) ");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void theOwnerAddsAServiceTypeAndAPatientBooksItOnlineForItsLength() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");

    signInAsOwner(page, owner);
    page.navigate("/calendar/hours");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a service type"))
        .click();
    page.getByLabel("Name of the service type").fill("Follow-up!!");
    page.getByLabel("Appointment length (minutes)").fill("20");
    page.getByLabel("Times start every (minutes)").fill("20");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the service type"))
        .click();
    // a name it cannot take: the form again, the name marked, what was typed kept
    assertThat(page.locator("#rules-problem")).isVisible();
    assertThat(page.getByLabel("Name of the service type"))
        .hasClass(Pattern.compile(".*is-invalid.*"));
    assertThat(page.getByLabel("Appointment length (minutes)")).hasValue("20");
    page.getByLabel("Name of the service type").fill("Follow-up");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the service type"))
        .click();
    assertThat(page.locator("#rules-saved")).isVisible();
    assertThat(page.locator("#service-types")).containsText("Follow-up");
    assertThat(page.locator("#service-types")).containsText("20 min, starting every 20 min");
    assertThat(page.locator("h3")).containsText("Rules of Follow-up");
    if (Boolean.getBoolean("screenshots")) {
      shoot(page, "hours-service-types");
    }

    var patient = newContext(390, 844).newPage();
    patient.navigate("/book/" + slug(owner));
    // the markup stays while the patient chooses, and names the service types
    org.assertj.core.api.Assertions.assertThat(
            patient.locator("script[type='application/ld+json']").textContent())
        .contains("\"MedicalClinic\"")
        .contains("\"availableService\":[{")
        .contains("\"MedicalProcedure\"")
        .contains("\"name\":\"Follow-up\"");
    assertThat(patient.locator("#service-types")).containsText("Standard visit");
    assertThat(patient.locator(".cb-slot")).hasCount(0);
    if (Boolean.getBoolean("screenshots")) {
      shoot(patient, "public-service-types");
    }
    patient.locator("#service-types").getByText("Follow-up").click();
    assertThat(patient.locator("#service-types .active")).containsText("20 min");
    patient.locator(".cb-slot").first().click();
    assertThat(patient.locator("#service-type")).containsText("Follow-up · 20 min");
    patient.getByLabel("Full name").fill("Mona Follow");
    patient.getByLabel("Phone").fill("0109 555 6611");
    patient
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the code"))
        .click();
    var code = organizations.linkToken(owner.tenant(), "+201095556611", CODE);
    patient.getByLabel("The code we sent you").fill(code);
    patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(patient.locator("#booked")).containsText("Your appointment is booked");
    assertThat(patient.locator("#service-type")).containsText("Follow-up");

    var booked =
        OwnerDatabase.jdbc(environment)
            .sql(
                "select service_type || ' ' || extract(epoch from ends_at - starts_at)::int / 60"
                    + " from appointments where clinic_id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(booked).isEqualTo("Follow-up 20");
  }

  @Test
  void aPatientJoinsTheWaitlistFromThePublicPageAndTheDeskSeesIt() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    desk.post("/api/v1/service-types", ServiceTypesTests.type("Follow-up", 10, 10));

    var patient = newContext(390, 844).newPage();
    patient.navigate("/book/" + slug(owner) + "?service=Follow-up");
    patient.getByText("No time suits you? Join the waitlist").first().click();
    assertThat(patient.locator("#service-type")).containsText("Follow-up · 10 min");
    if (Boolean.getBoolean("screenshots")) {
      shoot(patient, "public-waitlist");
    }
    var firstDay = LocalDate.now(CAIRO).plusDays(3);
    patient.getByLabel("From").fill(firstDay.toString());
    patient.getByLabel("Until").fill(firstDay.minusDays(1).toString());
    patient.getByLabel("Full name").fill("Samir Waiting");
    patient.getByLabel("Phone").fill("0109 555 7788");
    patient
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the code"))
        .click();
    // the days are reversed: the form again, the last day marked, the rest kept
    assertThat(patient.getByLabel("Until")).hasClass(Pattern.compile(".*is-invalid.*"));
    assertThat(patient.getByLabel("Full name")).hasValue("Samir Waiting");
    patient.getByLabel("Until").fill(firstDay.plusDays(4).toString());
    patient
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the code"))
        .click();
    assertThat(patient).hasURL(Pattern.compile(".*/waitlist/.*"));
    var code = organizations.linkToken(owner.tenant(), "+201095557788", CODE);
    patient.getByLabel("The code we sent you").fill(code);
    patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(patient.locator("#waitlisted")).containsText("You are on the waitlist");

    signInAsOwner(page, owner);
    page.navigate("/calendar/waitlist");
    assertThat(page.locator("#waitlist")).containsText("Samir Waiting");
    assertThat(page.locator("#waitlist")).containsText("Follow-up");
    assertThat(page.locator("#waitlist")).containsText("Waiting");
    // the desk can put a patient in line for a service type too
    assertThat(page.getByLabel("Service type")).isVisible();
  }

  @Test
  void theDeskShowsAndBooksTheFreeTimesOfAServiceType() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    desk.post("/api/v1/service-types", ServiceTypesTests.type("Procedure", 40, 20));
    var day = LocalDate.now(CAIRO).plusDays(2);

    signInAsOwner(page, owner);
    page.navigate("/calendar?date=" + day);
    page.getByLabel("Free times for").selectOption("Procedure");
    assertThat(page).hasURL(Pattern.compile(".*type=Procedure.*"));
    page.locator(".cb-slot-link").first().click();
    page.getByLabel("Name or record number").fill("Desk Procedure");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book as a new patient"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Booked");
    assertThat(page.getByLabel("Free times for")).hasValue("Procedure");

    var booked =
        OwnerDatabase.jdbc(environment)
            .sql(
                "select service_type || ' ' || extract(epoch from ends_at - starts_at)::int / 60"
                    + " from appointments where clinic_id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(booked).isEqualTo("Procedure 40");
  }

  private String slug(TestOrganizations.Owner owner) {
    return OwnerDatabase.jdbc(environment)
        .sql("select slug from clinics where id = ?")
        .param(owner.clinic().value())
        .query(String.class)
        .single();
  }

  /** The page as it is, then in Arabic (right to left), for a person to look at. */
  private static void shoot(Page page, String name) {
    var url = page.url().replaceAll("#.*", "");
    for (var lang : new String[] {"en", "ar"}) {
      page.navigate(url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/" + name + "-" + lang + ".png"))
              .setFullPage(true));
    }
    page.navigate(url + (url.contains("?") ? "&" : "?") + "lang=en");
  }
}
