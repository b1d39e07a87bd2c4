package io.carebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A new customer's first visit, all through the pages, in a real browser. */
@CarebookTest
class BrowserJourneyTests extends BrowserTestSupport {

  private static final String PATIENT = "فاطمة الزهراء";

  @Test
  void ownerSignsUpSetsUpTwoStepSignInRegistersAPatientOpensASecondClinicAndReadsArabic() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var email = "owner-" + suffix + "@example.test";
    var firstClinic = "Nile Clinic " + suffix;
    var secondClinic = "Delta Clinic " + suffix;

    signUp(suffix, firstClinic, email);
    confirm(email);
    var app = setUpTwoStepSignIn();
    assertThat(heading()).hasText(firstClinic);

    registerPatient();
    findPatientByPhone();

    openClinic(secondClinic);
    switchTo(firstClinic);

    readInArabicAndBack();

    signOutAndBackInWithACode(email, app);
  }

  private void signUp(String suffix, String clinic, String email) {
    page.navigate("/signup");
    label("Organization name").fill("Health Group " + suffix);
    label("First clinic").fill(clinic);
    label("Country").selectOption("EG");
    label("Time zone").selectOption("Africa/Cairo");
    assertThat(label("Currency")).hasValue("EGP"); // Egypt's, now offered from the country
    label("Your full name").fill("Amira Hassan");
    label("E-mail").fill(email);
    label("Password").fill(TestOrganizations.PASSWORD);
    button("Start the free trial").click();

    assertThat(heading()).hasText("Check your e-mail");
    assertThat(page.getByRole(AriaRole.MAIN)).containsText(email);
  }

  /**
   * Follows the link of the confirmation e-mail, which reaches the outbox just after commit, and
   * goes on signed in without typing the password again: an owner must use two-step sign-in, so
   * every page leads to its set-up until it is on.
   */
  private void confirm(String email) {
    var link = confirmationLink(email);
    // the e-mail points at carebook.base-url; this test's server listens on a random port
    var uri = URI.create(link);
    page.navigate(uri.getRawPath() + "?" + uri.getRawQuery());
    assertThat(page.locator("#confirmed")).containsText("Your e-mail address is confirmed");
    button("Continue to your clinic").click();
    assertThat(page).hasURL(Pattern.compile(".*/account/mfa$"));
    page.navigate("/patients");
    assertThat(page).hasURL(Pattern.compile(".*/account/mfa$"));
  }

  private String confirmationLink(String email) {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    page.navigate("/dev/outbox");
    while (true) {
      var message =
          page.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(email));
      if (message.count() > 0) {
        var link =
            message
                .first()
                .getByRole(
                    AriaRole.LINK,
                    new Locator.GetByRoleOptions()
                        .setName(Pattern.compile("confirm-email\\?token=")));
        return link.getAttribute("href");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no confirmation e-mail for " + email + " in the outbox");
      }
      page.waitForTimeout(100);
      page.reload();
    }
  }

  /** Reads the key under the QR code as an authenticator app would, and confirms a first code. */
  private TestAuthenticator setUpTwoStepSignIn() {
    assertThat(page.locator("#mfa-required")).isVisible();
    assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code")))
        .isVisible();
    var app = new TestAuthenticator(page.locator("#mfa-secret").textContent());
    label("Code").fill(app.nextCode());
    button("Turn on").click();

    assertThat(page.locator("#mfa-enabled")).containsText("Two-step sign-in is on");
    var codes = page.locator("#recovery-codes code");
    assertThat(codes).hasCount(10);
    app.recoveryCodes(codes.allTextContents());
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them")).click();
    assertThat(page).hasURL(Pattern.compile(".*/$"));
    return app;
  }

  private void signOutAndBackInWithACode(String email, TestAuthenticator app) {
    page.waitForLoadState(); // the menu needs Bootstrap's script, which a busy machine loads late
    page.locator("#account-menu").click();
    button("Sign out").click();
    assertThat(page).hasURL(Pattern.compile(".*/signin\\?signedOut$"));
    label("E-mail").fill(email);
    label("Password").fill(TestOrganizations.PASSWORD);
    button("Sign in").click();

    assertThat(page).hasURL(Pattern.compile(".*/signin/code$"));
    page.navigate("/patients"); // nothing opens before the code
    assertThat(page).hasURL(Pattern.compile(".*/signin/code$"));
    label("Code").fill(app.nextCode());
    button("Continue").click();
    assertThat(page).hasURL(Pattern.compile(".*/$"));
    assertThat(page.locator("#clinic-switcher")).isVisible();
    nav("Patients").click();
    assertThat(page.getByRole(AriaRole.MAIN)).containsText(PATIENT);
  }

  private void registerPatient() {
    nav("Patients").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a patient"))
        .first()
        .click();
    label("Full name").fill(PATIENT);
    label("Phone").fill("٠١٠٠ ١٢٣ ٤٥٦٧");
    button("Register").click();

    assertThat(page).hasURL(Pattern.compile(".*/patients/[0-9a-f-]{36}\\?registered$"));
    assertThat(heading()).hasText(PATIENT);
    assertThat(page.getByRole(AriaRole.MAIN)).containsText("Patient registered.");
    assertThat(page.getByRole(AriaRole.MAIN)).containsText("+201001234567");
  }

  /** Search as you type: the list narrows with every keystroke, without a page load. */
  private void findPatientByPhone() {
    nav("Patients").click();
    page.waitForURL("**/patients"); // and for htmx to be loaded
    var search = page.getByRole(AriaRole.SEARCHBOX);
    var row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(PATIENT));

    search.pressSequentially("0111");
    assertThat(page.locator("#results")).containsText("No patient matches this search.");
    assertThat(row).hasCount(0);

    search.clear();
    search.pressSequentially("123 45");
    assertThat(row).hasCount(1);
    assertThat(row).containsText("+201001234567");
    assertThat(page).hasURL(Pattern.compile(".*/patients$"));
  }

  private void openClinic(String name) {
    page.locator("#manage-menu").click();
    nav("Clinics").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a clinic")).click();
    label("Clinic name").fill(name);
    button("Open the clinic").click();

    assertThat(page).hasURL(Pattern.compile(".*/$"));
    assertThat(heading()).hasText(name);
    assertThat(page.locator("#clinic-switcher")).containsText(name);
  }

  private void switchTo(String clinic) {
    page.waitForLoadState(); // the dropdown needs Bootstrap's script
    page.locator("#clinic-switcher").click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(clinic)).click();

    assertThat(heading()).hasText(clinic);
    assertThat(page.locator("#clinic-switcher")).containsText(clinic);
  }

  private void readInArabicAndBack() {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("عربي")).click();
    var html = page.locator("html");
    assertThat(html).hasAttribute("dir", "rtl");
    assertThat(html).hasAttribute("lang", "ar");
    assertThat(nav("لوحة التحكم")).isVisible();
    assertThat(nav("المرضى")).isVisible();

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
    assertThat(html).hasAttribute("dir", "ltr");
    assertThat(html).hasAttribute("lang", "en");
    assertThat(nav("Dashboard")).isVisible();
  }

  private Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private Locator label(String text) {
    return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
  }

  private Locator button(String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private Locator nav(String name) {
    return page.getByRole(AriaRole.NAVIGATION)
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }
}
