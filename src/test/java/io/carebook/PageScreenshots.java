package io.carebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.carebook.shared.TenantId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Full-page screenshots of every page, in English and Arabic, on a desktop and on a phone, saved to
 * {@code target/screenshots/} for a person to look at. Not an assertion of looks, so it runs only
 * when asked: {@code mvn test -Dtest=PageScreenshots -Dscreenshots=true}.
 */
@CarebookTest
@Tag("screenshots")
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class PageScreenshots extends BrowserTestSupport {

  private static final Path FOLDER = Path.of("target/screenshots");
  private static final String MISSING = "/patients/00000000-0000-0000-0000-000000000000";

  @Autowired TestOrganizations organizations;

  private String email;
  private String unenrolledEmail;
  private TestAuthenticator app;
  private String patientPage;
  private String calendarDay;
  private String encounterPage;
  private String verifyPage;
  private String invoicePage;

  @Test
  void everyPageInEnglishAndArabicOnDesktopAndPhone() {
    arrangeAClinicWithPatients();
    for (var lang : new String[] {"en", "ar", "es"}) {
      tour(lang, "desktop", 1280, 800, false);
      tour(lang, "mobile", 390, 844, true);
    }
  }

  private void tour(String lang, String size, int width, int height, boolean mobile) {
    var browser = newContext(width, height, mobile);
    try {
      var page = browser.newPage();
      var shots = new Shots(page, lang + "-" + size);

      page.navigate("/language/" + lang + "?back=/signin"); // kept for the whole tour
      shots.take("01-signin");

      page.navigate("/password-reset");
      shots.take("01b-password-reset");

      page.navigate("/signup");
      page.locator("#password").fill("short");
      page.locator("main button[type=submit]").click();
      assertThat(page.locator(".is-invalid").first()).isVisible();
      shots.take("02-signup-errors");
      var suffix = UUID.randomUUID().toString().substring(0, 6);
      page.locator("#organizationName").fill("Clínica Santa Rosa");
      page.locator("#clinicName").fill("Consultorio Centro");
      page.locator("#ownerName").fill("Lucía Ramírez");
      page.locator("#email").fill("lucia-" + suffix + "@example.test");
      page.locator("#password").fill(TestOrganizations.PASSWORD);
      page.locator("main button[type=submit]").click();
      assertThat(page.locator("main bdi")).isVisible();
      shots.take("02b-signup-done");

      page.navigate("/signin");
      page.locator("#email").fill(unenrolledEmail);
      page.locator("#password").fill(TestOrganizations.PASSWORD);
      page.locator("main button[type=submit]").click();
      page.waitForURL("**/account/mfa");
      assertThat(page.locator("#mfa-secret")).isVisible();
      shots.take("12-mfa-setup");
      page.context().clearCookies(); // signed out, the language too

      page.navigate("/language/" + lang + "?back=/signin"); // kept for the whole tour
      page.locator("#email").fill(email);
      page.locator("#password").fill(TestOrganizations.PASSWORD);
      page.locator("main button[type=submit]").click();
      page.waitForURL("**/signin/code");
      page.locator("#code").fill("000000");
      page.locator("main form button[type=submit]").first().click();
      assertThat(page.locator("#code-wrong")).isVisible();
      shots.take("13-signin-code-wrong");
      page.locator("#code").fill(app.nextCode());
      page.locator("main form button[type=submit]").first().click();
      page.waitForURL("**/");
      shots.take("03-dashboard");
      if (mobile) {
        page.locator(".navbar-toggler").click();
        assertThat(page.locator("#cb-menu"))
            .hasClass(java.util.regex.Pattern.compile("\\bshow\\b"));
        shots.take("03b-menu");
      } else {
        page.locator("#clinic-switcher").click();
        shots.take("03b-switcher");
      }

      page.navigate("/patients");
      shots.take("04-patients");

      page.navigate("/patients/new");
      page.locator("#fullName").fill("فاطمة الزهراء");
      page.locator("#phone").pressSequentially("0100 123 4567");
      assertThat(page.locator("#household")).not().isEmpty();
      shots.take("05a-patient-form-household");
      page.locator("main button[type=submit]").click();
      assertThat(page.locator("#duplicate-warning")).isVisible();
      shots.take("05-patient-form-duplicate");

      page.navigate(patientPage + "?registered");
      shots.take("06-patient");

      page.navigate(patientPage + "/edit");
      shots.take("06b-patient-edit");

      page.navigate(patientPage + "/merge?duplicate=MRN-000006");
      shots.take("06c-patient-merge");

      page.navigate("/patients/imports");
      page.locator("#file")
          .setInputFiles(
              new com.microsoft.playwright.options.FilePayload(
                  "pacientes-" + lang + "-" + size + ".csv",
                  "text/csv",
                  importList(lang + size).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      page.locator("main form button[type=submit]").click();
      assertThat(page.locator("#preview")).isVisible();
      shots.take("06d-import-preview");
      page.locator("#start-import").click();
      assertThat(page.locator("#import-result")).isVisible();
      shots.take("06e-import-done");

      page.navigate("/clinics");
      shots.take("07-clinics");

      page.navigate("/clinics/new");
      shots.take("07b-clinic-form");

      page.navigate("/settings/clinic");
      assertThat(page.locator("#zone-effect")).isVisible();
      shots.take("07c-clinic-settings");

      page.navigate("/dev/outbox");
      shots.take("08-dev-outbox");

      page.navigate("/outbox");
      shots.take("08b-outbox");

      page.navigate("/audit");
      shots.take("10-audit");

      page.navigate("/audit/verify");
      shots.take("10b-audit-verify");

      page.navigate("/permissions");
      shots.take("11-permissions");

      page.navigate("/staff");
      shots.take("12-staff");

      page.navigate("/calendar?date=" + calendarDay);
      shots.take("13-calendar");
      page.locator(".cb-grid-doctor a").first().click();
      shots.take("13b-calendar-week");
      page.navigate("/calendar/week?date=" + calendarDay);
      shots.take("13c-clinic-week");
      page.navigate("/calendar/hours");
      shots.take("13d-hours-and-rules");
      page.navigate("/calendar/waitlist");
      shots.take("13e-waitlist");
      page.navigate("/desk");
      shots.take("13f-desk");
      page.navigate("/desk/doctor");
      shots.take("13g-doctor-day");
      page.navigate("/desk/tv/settings");
      shots.take("13h-screen-settings");
      page.navigate("/desk/tv");
      shots.take("13i-waiting-room-screen");
      page.navigate(encounterPage);
      shots.take("13j-encounter");
      page.navigate(verifyPage);
      shots.take("13k-verify-prescription");
      page.navigate("/billing");
      shots.take("17-billing");
      page.navigate(invoicePage);
      shots.take("17b-invoice");
      page.navigate("/billing/services");
      shots.take("17c-price-list");
      page.navigate("/billing/cash");
      shots.take("17d-day-end-cash");
      page.navigate("/billing/subscription");
      shots.take("17e-subscription");
      page.navigate("/reports");
      shots.take("17f-reports");
      page.navigate("/settings/api-keys");
      shots.take("17g-api-keys");

      page.navigate("/account/mfa");
      shots.take("14-mfa-on");
      page.locator("#renew-code").fill(app.nextCode());
      page.locator("#renew-code").press("Enter");
      assertThat(page.locator("#recovery-codes code")).hasCount(10);
      app.recoveryCodes(page.locator("#recovery-codes code").allTextContents());
      shots.take("15-mfa-recovery-codes");

      page.navigate("/dev/authenticator");
      shots.take("16-dev-authenticator");

      page.navigate(MISSING);
      shots.take("09-not-found");
    } finally {
      browser.close();
    }
  }

  /** An Egyptian clinic with a second branch and a few patients, one household among them. */
  private void arrangeAClinicWithPatients() {
    var api = new Api(port);
    var suffix = UUID.randomUUID().toString().substring(0, 6);
    email = "amira-" + suffix + "@example.test";
    var signUp = new HashMap<String, Object>();
    signUp.put("organizationName", "Nour Family Clinics");
    signUp.put("clinicName", "Nour Clinic Heliopolis");
    signUp.put("ownerName", "Dr. Amira Hassan");
    signUp.put("email", email);
    signUp.put("password", TestOrganizations.PASSWORD);
    signUp.put("country", "EG");
    signUp.put("timezone", "Africa/Cairo");
    signUp.put("currency", "EGP");
    signUp.put("ownerIsDoctor", true);
    var opened = organizations.signUp(api, signUp);
    app = opened.app();
    var owner = api.as(opened.token());

    // an owner who has yet to set up two-step sign-in, to show its set-up page
    unenrolledEmail = "karim-" + suffix + "@example.test";
    signUp.put("organizationName", "Karim Eye Care");
    signUp.put("clinicName", "Karim Eye Care Maadi");
    signUp.put("ownerName", "Dr. Karim Adel");
    signUp.put("email", unenrolledEmail);
    var created = api.post("/api/v1/signups", signUp);
    api.post(
        "/api/v1/email-confirmations",
        Map.of(
            "token", organizations.confirmationToken(TenantId.of(created.text("organizationId")))));

    var fatima = patient(owner, "فاطمة الزهراء", "٠١٠٠ ١٢٣ ٤٥٦٧", "1988-02-11", "FEMALE");
    patient(owner, "محمد عبد الله", "0100 123 4567", "2015-09-30", "MALE");
    patient(owner, "Omar Farouk", "0122 555 0199", "1975-12-02", "MALE");
    patient(owner, "Layla Mansour-Haddad", "+20 111 222 3333", null, null);
    patient(owner, "Youssef", null, null, null);
    patient(owner, "فاطمة الزهراء محمد", null, "1988-02-11", "FEMALE");
    patientPage = "/patients/" + fatima;
    var chart = patientPage.replace("/patients/", "/api/v1/patients/");
    owner.post(
        chart + "/allergies",
        Map.of("substance", "Penicillin", "reaction", "Hives", "severity", "SEVERE"));
    owner.post(chart + "/allergies", Map.of("substance", "Sulfonamides", "severity", "MODERATE"));
    owner.post(chart + "/allergies", Map.of("substance", "Latex", "severity", "MILD"));
    owner.post(
        chart + "/medications",
        Map.of(
            "drug",
            "Levothyroxine",
            "dose",
            "50 mcg",
            "frequency",
            "once a day",
            "since",
            "2019-03-01"));
    owner.post(chart + "/medications", Map.of("drug", "ميتفورمين", "dose", "500 mg"));
    owner.post(chart + "/identifiers", Map.of("kind", "NATIONAL_ID", "value", "28802110101234"));
    owner.post(
        chart + "/contacts",
        Map.of("name", "منى حسن", "relationship", "أخت", "phone", "0111 222 3333"));
    owner.post(
        chart + "/consents", Map.of("kind", "TREATMENT", "granted", true, "channel", "PAPER"));
    owner.post(
        chart + "/consents", Map.of("kind", "REMINDERS", "granted", false, "channel", "WHATSAPP"));
    owner.put(chart + "/tags/thyroid", Map.of(), Map.of());
    owner.put(chart + "/tags/vip", Map.of(), Map.of());
    var son = patient(owner, "يوسف أحمد", null, "2016-09-03", "MALE");
    owner.post(
        "/api/v1/patients/" + son + "/guardians",
        Map.of("guardianId", fatima, "relationship", "أم"));
    owner.postFile(
        chart + "/documents",
        "file",
        "تحليل دم.pdf",
        "application/pdf",
        "%PDF-1.4 invented".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        Map.of("description", "CBC, March"));

    // a day with hours, a few appointments and free slots, for the calendar
    var doctor = owner.get("/api/v1/me").text("userId");
    var week = new java.util.ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "09:00", "ends", "12:00"));
    }
    owner.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of());
    owner.put(
        "/api/v1/booking-rules",
        Map.of(
            "durationMinutes",
            20,
            "bufferBeforeMinutes",
            0,
            "bufferAfterMinutes",
            0,
            "minimumNoticeMinutes",
            0,
            "horizonDays",
            30,
            "alignmentMinutes",
            20,
            "seats",
            1),
        Map.of());
    var cairo = java.time.ZoneId.of("Africa/Cairo");
    var tomorrow = java.time.LocalDate.now(cairo).plusDays(1);
    calendarDay = tomorrow.toString();
    // two walk-ins at the front desk, one of them an emergency, for the desk page
    owner.post(
        "/api/v1/visits",
        Map.of(
            "patient",
            Map.of("fullName", "Mahmoud Abdel-Rahman", "phone", "+20 100 555 0101"),
            "doctorId",
            doctor));
    owner.post(
        "/api/v1/visits",
        Map.of(
            "patient",
            Map.of("fullName", "نور الهدى سالم", "phone", "+20 100 555 0102"),
            "doctorId",
            doctor,
            "priority",
            "EMERGENCY"));
    // Fatima with the doctor: vitals, a signed note with an addendum, a finalized prescription
    var seen = owner.post("/api/v1/visits", Map.of("patientId", fatima, "doctorId", doctor));
    var visit = "/api/v1/visits/" + seen.text("id");
    owner.post(visit + "/start-doctor", Map.of());
    owner.post(
        visit + "/vitals",
        Map.of("systolic", 132, "diastolic", 86, "pulse", 88, "temperature", 38.2, "oxygen", 97));
    owner.put(
        visit + "/note",
        Map.of(
            "subjective", "حرارة وألم في الحلق منذ يومين",
            "objective", "Pharynx red, tonsils enlarged without exudate",
            "assessment", "Acute viral pharyngitis",
            "diagnosis", "Acute pharyngitis",
            "icd10", "J02.9",
            "plan", "Fluids, rest, paracetamol; review if not better in 3 days"),
        Map.of());
    owner.post(visit + "/note/sign", Map.of());
    owner.post(visit + "/note/addenda", Map.of("body", "Rapid strep test negative."));
    var rx = "/api/v1/prescriptions/" + owner.post(visit + "/prescriptions", Map.of()).text("id");
    owner.post(
        rx + "/items",
        Map.of(
            "drug", "Paracetamol",
            "strength", "500 mg",
            "form", "tablet",
            "dose", "1 tablet",
            "frequency", "every 6 hours",
            "duration", "5 days",
            "route", "oral",
            "instructions", "بعد الأكل"));
    verifyPage = "/verify/rx/" + owner.post(rx + "/finalize", Map.of()).text("verificationCode");
    encounterPage = "/visits/" + seen.text("id") + "/encounter";
    var vat = owner.post("/api/v1/tax-profiles", Map.of("name", "VAT 14%", "rate", "14"));
    owner.post(
        "/api/v1/services",
        Map.of("code", "CONSULT", "name", "Consultation", "kind", "CONSULTATION", "price", "400"));
    var ecg =
        owner.post(
            "/api/v1/services",
            Map.of(
                "code",
                "ECG",
                "name",
                "Electrocardiogram (ECG)",
                "kind",
                "PROCEDURE",
                "price",
                "350",
                "taxProfileId",
                vat.text("id")));
    var bill = owner.post("/api/v1/invoices", Map.of("patientId", fatima)).text("id");
    owner.post(
        "/api/v1/invoices/" + bill + "/lines",
        Map.of("description", "Consultation", "unitPrice", "400"));
    owner.post(
        "/api/v1/invoices/" + bill + "/lines",
        Map.of(
            "serviceId",
            ecg.text("id"),
            "discountPercent",
            "10",
            "discountReason",
            "Returning patient"));
    owner.post("/api/v1/invoices/" + bill + "/issue", Map.of());
    owner.post("/api/v1/invoices/" + bill + "/payments", Map.of("method", "CASH", "amount", "500"));
    invoicePage = "/billing/invoices/" + bill;
    var called =
        owner.post(
            "/api/v1/visits",
            Map.of("patient", Map.of("fullName", "Youssef Kamal", "phone", "+20 100 555 0103")));
    owner.post("/api/v1/visits/" + called.text("id") + "/start-doctor", Map.of());
    owner.post(
        "/api/v1/visits",
        Map.of("patient", Map.of("fullName", "Salma Fathy", "phone", "+20 100 555 0104")));
    for (var at : new int[] {9 * 60, 9 * 60 + 40, 10 * 60 + 20, 11 * 60}) {
      owner.post(
          "/api/v1/appointments",
          Map.of(
              "doctorId",
              doctor,
              "startsAt",
              tomorrow.atStartOfDay(cairo).plusMinutes(at).toInstant().toString(),
              "patientId",
              at == 9 * 60
                  ? fatima
                  : owner
                      .get("/api/v1/patients?q=Omar")
                      .body()
                      .path("items")
                      .get(0)
                      .path("id")
                      .asString()));
    }

    var page = context.newPage();
    page.navigate("/signin");
    page.locator("#email").fill(email);
    page.locator("#password").fill(TestOrganizations.PASSWORD);
    page.locator("main button[type=submit]").click();
    page.waitForURL("**/signin/code");
    page.locator("#code").fill(app.nextCode());
    page.locator("main form button[type=submit]").first().click();
    page.waitForURL("**/");
    page.navigate("/clinics/new");
    page.locator("#name").fill("Nour Clinic Nasr City");
    page.locator("main button[type=submit]").click();
    page.waitForURL("**/");
    page.close();
  }

  /** A small list with a row of each kind: ready, already registered, with errors. */
  private static String importList(String unique) {
    return "Name,Phone,Date of birth,Sex\n"
        + "Hany Salah "
        + unique
        + ",0100 765 4321,1979-04-02,M\n"
        + "Omar Farouk,0122 555 0199,1975-12-02,M\n"
        + "سلمى "
        + unique
        + ",,31/02/1990,F\n"
        + ",0100 000 0000,,\n";
  }

  private static String patient(Api owner, String name, String phone, String born, String sex) {
    var body = new HashMap<String, Object>();
    body.put("fullName", name);
    body.put("phone", phone);
    body.put("dateOfBirth", born);
    body.put("sex", sex);
    var response = owner.post("/api/v1/patients", body);
    if (response.status() != 201) {
      throw new AssertionError(response.body().toString());
    }
    return response.text("id");
  }

  private record Shots(Page page, String prefix) {
    void take(String name) {
      // a page the tour means to show must not be an error page (the not-found shot aside)
      if (!name.contains("not-found")) {
        org.assertj.core.api.Assertions.assertThat(page.locator("#error-status").count())
            .as(prefix + "-" + name + " is an error page")
            .isZero();
      }
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(FOLDER.resolve(prefix + "-" + name + ".png"))
              .setFullPage(true));
    }
  }
}
