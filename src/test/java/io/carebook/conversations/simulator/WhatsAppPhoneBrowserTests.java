package io.carebook.conversations.simulator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A newcomer tries a clinic's WhatsApp on the developer's phone page: picks the patient, types,
 * sees the message taken by the clinic's webhook (signed with the clinic's app secret), sees what
 * the clinic sends through the fake Cloud API (a list, reply buttons, a template) and taps a row
 * and a button, each taken by the webhook too.
 */
@CarebookTest
class WhatsAppPhoneBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void thePatientTypesAndTapsAndTheClinicsWebhookTakesEachMessage() {
    var whatsapp = new SimulatedWhatsApp(organizations, port);
    var phone = "+2010" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    var registered =
        new Api(port)
            .as(whatsapp.owner.token())
            .post("/api/v1/patients", Map.of("fullName", "Laila Hassan", "phone", phone));
    org.assertj.core.api.Assertions.assertThat(registered.status())
        .as(registered.body().toString())
        .isEqualTo(201);

    page.navigate(whatsapp.page(phone));
    assertThat(page.getByLabel("Patient's phone")).containsText("Laila Hassan");
    page.getByLabel("Message").fill("hola");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    var chat = page.locator("#sim-chat");
    assertThat(chat.locator(".cb-sim-out").last()).containsText("hola");
    assertThat(chat.getByLabel("Taken by the clinic")).hasCount(1);

    var to = phone.substring(1);
    whatsapp.send(SimulatedWhatsApp.text(to, "أهلاً بك في العيادة"));
    whatsapp.send(SimulatedWhatsApp.list(to));
    whatsapp.send(SimulatedWhatsApp.buttons(to));
    whatsapp.send(SimulatedWhatsApp.template(to));
    assertThat(chat.locator("[data-kind=TEMPLATE]")).containsText("appointment_reminder");
    assertThat(chat.locator("[data-kind=TEXT] .cb-sim-text").first()).hasAttribute("dir", "auto");

    chat.getByText("☰ See times").click();
    chat.getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Thu 10:30"))
        .click();
    assertThat(chat.locator("[data-kind=LIST_REPLY]")).containsText("Thu 10:30");
    chat.getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Yes, book it"))
        .click();
    assertThat(chat.locator("[data-kind=BUTTON_REPLY]")).containsText("Yes, book it");
    assertThat(chat.getByLabel("Taken by the clinic")).hasCount(3);
    assertNoSeriousA11yViolations(page, "the phone page in English");
    page.navigate(whatsapp.page(phone) + "&lang=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator("#sim-chat [data-kind=LIST_REPLY]")).containsText("Thu 10:30");
    assertNoSeriousA11yViolations(page, "the phone page in Arabic");

    if (Boolean.getBoolean("screenshots")) {
      shoot(page, "whatsapp-phone");
      var small = newContext(390, 844, true).newPage();
      small.navigate(whatsapp.page(phone));
      shoot(small, "whatsapp-phone-small");
    }
  }

  /** The page in English and Arabic, its first list opened, into target/screenshots. */
  private static void shoot(Page page, String name) {
    var url = page.url().replaceAll("#.*", "").replaceAll("[?&]lang=\\w+", "");
    for (var lang : new String[] {"en", "ar"}) {
      page.navigate(url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
      page.locator("#sim-chat .cb-sim-line").first().waitFor();
      page.locator("#sim-chat details.cb-sim-list")
          .first()
          .evaluate("list => { list.open = true; list.scrollIntoView({block: 'center'}); }");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/" + name + "-" + lang + ".png"))
              .setFullPage(true));
    }
  }
}
