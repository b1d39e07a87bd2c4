package io.carebook.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner sets quiet hours, rewords a reminder in Spanish, previews it and saves it. */
@CarebookTest
class MessageSettingsBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void theOwnerRewordsAReminderAfterPreviewingIt() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);
    page.navigate("/settings/messages");
    page.getByLabel("Quiet hours from").fill("21:00");
    page.getByLabel("Quiet hours until").fill("08:00");
    page.getByLabel("Reminders, hours before the appointment").fill("24, 3");
    page.locator("#delivery")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
    assertThat(page.getByLabel("Reminders, hours before the appointment")).hasValue("24, 3");
    assertThat(page.getByLabel("Quiet hours from")).hasValue("21:00");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spanish")).click();
    var reminder = page.locator("#APPOINTMENT_REMINDER");
    reminder.getByLabel("Text").fill("Hola {firstName}, le esperamos el {when}.");
    reminder.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
    assertThat(reminder.locator(".cb-preview")).containsText("Hola Lucía, le esperamos el");
    reminder.getByLabel("Text").fill("Hola {nombre}");
    reminder.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview")).click();
    assertThat(reminder.getByRole(AriaRole.ALERT)).containsText("{nombre}");
    reminder.getByLabel("Text").fill("Hola {firstName}, le esperamos el {when}.");
    reminder
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true))
        .click();
    assertThat(page.locator("#APPOINTMENT_REMINDER")).containsText("This clinic's wording");
    assertThat(page.locator("#APPOINTMENT_REMINDER-body"))
        .hasValue("Hola {firstName}, le esperamos el {when}.");

    page.navigate("/settings/messages?lang=ar&locale=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("إعدادات الرسائل")))
        .isVisible();
  }
}
