package io.carebook.tenancy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The sign-up page offers the chosen country's zones and currency (refreshed by htmx, derived on
 * the server without JavaScript), and the owner edits the clinic's settings, told first what a zone
 * change does to the appointments to come.
 */
@CarebookTest
class ClinicRegionBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void signUpInMexicoOffersMexicanZonesAndPesos() {
    page.navigate("/signup");
    label("Country").selectOption("MX");
    assertThat(label("Currency")).hasValue("MXN");
    assertThat(label("Time zone")).hasValue("America/Mexico_City");
    assertThat(zoneOptions()).contains("America/Cancun", "America/Tijuana", "America/Hermosillo");
    assertThat(zoneOptions()).doesNotContain("Africa/Cairo");
    assertThat(page.locator("#timezone-hint")).isVisible();
    label("Time zone").selectOption("America/Cancun");
    var clinic = signUp();

    assertThat(placeOf(clinic)).isEqualTo(List.of("MX", "America/Cancun", "MXN"));
  }

  @Test
  void signUpInTheUsOffersUsZones() {
    page.navigate("/signup");
    label("Country").selectOption("US");
    assertThat(label("Currency")).hasValue("USD");
    assertThat(zoneOptions())
        .contains(
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu");
    label("Time zone").selectOption("America/Chicago");
    var clinic = signUp();

    assertThat(placeOf(clinic)).isEqualTo(List.of("US", "America/Chicago", "USD"));
  }

  @Test
  void signUpInSpainWithoutJavaScriptGetsMadridAndEuro() {
    context.close();
    context = newContextWithoutJavaScript();
    page = context.newPage();
    page.navigate("/signup?country=EG");
    assertThat(label("Currency")).hasValue("EGP");
    label("Country").selectOption("ES"); // no htmx: the zone and currency shown stay Egypt's
    var clinic = signUp();

    assertThat(placeOf(clinic)).isEqualTo(List.of("ES", "Europe/Madrid", "EUR"));
  }

  @Test
  void ownerEditsClinicZoneAndIsToldWhatHappensToBookings() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "12:00");
    var cairo = ZoneId.of("Africa/Cairo");
    var ten = LocalDate.now(cairo).plusDays(2).atTime(10, 0).atZone(cairo).toInstant();
    desk.post(
        "/api/v1/appointments",
        Map.of("doctorId", doctor, "startsAt", ten.toString(), "patient", Map.of("fullName", "A")));

    signInAsOwner(page, owner);
    page.locator("#edit-clinic-settings").click();
    assertThat(page.locator("#zone-effect")).containsText("Appointments to come: 1");
    assertThat(page.locator("#zone-effect")).containsText("keep their absolute time");
    assertThat(page.locator("#zone-effect")).containsText("Invoices already issued keep");
    label("Country").selectOption("ES");
    assertThat(label("Currency")).hasValue("EUR");
    label("Time zone").selectOption("Atlantic/Canary");
    label("Address").fill("Calle Triana 5, Las Palmas");
    label("Phone").fill("+34 928 000 000");
    button("Save the settings").click();
    assertThat(page.locator("#clinic-settings-form")).containsText("must be true");

    page.locator("#confirmZoneChange1").check();
    button("Save the settings").click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("The clinic settings are saved");
    assertThat(label("Time zone")).hasValue("Atlantic/Canary");
    assertThat(label("Address")).hasValue("Calle Triana 5, Las Palmas");
    assertThat(placeOf(nameOf(owner))).isEqualTo(List.of("ES", "Atlantic/Canary", "EUR"));
  }

  @Test
  void receptionistCannotEditClinicSettings() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    page.navigate("/signin");
    label("E-mail").fill(receptionist.email());
    label("Password").fill(TestOrganizations.PASSWORD);
    button("Sign in").click();
    assertThat(page.locator("#edit-clinic-settings")).hasCount(0);
    var response = page.navigate("/settings/clinic");
    assertThat(response.status()).isEqualTo(403);
  }

  private String signUp() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var clinic = "Clinic " + suffix;
    label("Organization name").fill("Group " + suffix);
    label("First clinic").fill(clinic);
    label("Your full name").fill("Owner " + suffix);
    label("E-mail").fill("owner-" + suffix + "@example.test");
    label("Password").fill(TestOrganizations.PASSWORD);
    button("Start the free trial").click();
    assertThat(page.locator("h1")).hasText("Check your e-mail");
    return clinic;
  }

  private List<String> zoneOptions() {
    return label("Time zone").locator("option").allTextContents();
  }

  private List<String> placeOf(String clinicName) {
    return OwnerDatabase.jdbc(environment)
        .sql("select country, timezone, currency from clinics where name = ?")
        .param(clinicName)
        .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  private String nameOf(TestOrganizations.Owner owner) {
    return OwnerDatabase.jdbc(environment)
        .sql("select name from clinics where id = ?")
        .param(owner.clinic().value())
        .query(String.class)
        .single();
  }

  private Locator label(String text) {
    return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
  }

  private Locator button(String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
