package io.carebook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Building a team through the pages: an owner invites a doctor to two clinics; the doctor joins,
 * sets up two-step sign-in, signs in again with a code and switches between the clinics.
 */
@CarebookTest
class TeamBrowserTests extends BrowserTestSupport {

  private static final Pattern INVITATION =
      Pattern.compile("(/invitations/accept\\?token=[A-Za-z0-9_-]+)");
  private static final String DOCTOR_PASSWORD = "stethoscope at dawn";

  @Autowired TestOrganizations organizations;

  @Test
  void anInvitedDoctorJoinsSetsUpTwoStepSignInAndSwitchesClinic() {
    var owner = organizations.signUp(new Api(port));
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var doctor = "doctor-" + suffix + "@example.test";
    var annex = "Annex " + suffix;

    signIn(owner.email(), TestOrganizations.PASSWORD);
    label("Code").fill(owner.app().nextCode());
    button("Continue").click();
    invite(doctor, "Doctor");
    var firstLink = organizations.linkToken(owner.tenant(), doctor, INVITATION);
    openClinic(annex);
    invite(doctor, "Receptionist");
    var secondLink = organizations.linkToken(owner.tenant(), doctor, INVITATION);
    context.close();

    context = newContext(1280, 800);
    page = context.newPage();
    page.navigate(firstLink);
    assertThat(page.locator("#accept-form")).containsText("Doctor");
    label("Your full name").fill("Dr. Karim Nabil");
    label("Choose a password").fill(DOCTOR_PASSWORD);
    button("Join the clinic").click();
    assertThat(page).hasURL(Pattern.compile(".*/signin\\?joined$"));

    signIn(doctor, DOCTOR_PASSWORD);
    assertThat(page.locator("#mfa-required")).isVisible();
    var app = new TestAuthenticator(page.locator("#mfa-secret").textContent());
    label("Code").fill(app.nextCode());
    button("Turn on").click();
    assertThat(page.locator("#recovery-codes code")).hasCount(10);

    page.navigate(secondLink); // an existing account joins as itself, signed in: no password
    assertThat(page.locator("#accept-form")).containsText("Receptionist");
    button("Join as " + doctor).click();

    page.waitForLoadState(); // dropdowns need Bootstrap's script
    page.locator("#account-menu").click();
    button("Sign out").click();
    signIn(doctor, DOCTOR_PASSWORD);
    assertThat(page).hasURL(Pattern.compile(".*/signin/code$"));
    label("Code").fill(app.nextCode());
    button("Continue").click();
    assertThat(page.locator("#clinic-switcher")).isVisible();

    page.waitForLoadState();
    page.locator("#clinic-switcher").click();
    page.locator(".dropdown-menu").getByText(annex).click();
    assertThat(page.locator("#clinic-switcher")).containsText(annex);
  }

  private void signIn(String email, String password) {
    page.navigate("/signin");
    label("E-mail").fill(email);
    label("Password").fill(password);
    button("Sign in").click();
  }

  private void invite(String email, String role) {
    page.navigate("/staff");
    label("E-mail").fill(email);
    label(role).check();
    button("Send the invitation").click();
    assertThat(page.getByRole(AriaRole.MAIN)).containsText("Invitation sent to " + email);
  }

  private void openClinic(String name) {
    page.navigate("/clinics/new");
    label("Clinic name").fill(name);
    button("Open the clinic").click();
    assertThat(page.locator("#clinic-switcher")).containsText(name);
  }

  private Locator label(String text) {
    return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
  }

  private Locator button(String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
