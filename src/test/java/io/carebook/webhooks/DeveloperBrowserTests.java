package io.carebook.webhooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner opens the developer page from the menu, copies the MCP configuration, registers an
 * endpoint (its secret shown once), sends a test event and sees it delivered in the log; the pages
 * read right to left in Arabic and fit a phone. Screenshots go to {@code
 * target/screenshots/developer/}.
 */
@CarebookTest
class DeveloperBrowserTests extends BrowserTestSupport {

  private static final Path SHOTS = Path.of("target/screenshots/developer");

  @Autowired TestOrganizations organizations;

  @Test
  void anOwnerRegistersAnEndpointSendsATestEventAndSeesItDelivered() {
    var receiver = new Receiver().answering(204);
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);
    // the menu's "More" lists the page for owners
    assertThat(page.locator("a.dropdown-item[href='/developer']")).hasText("Developers");
    page.navigate("/developer");
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Developers").setLevel(1)))
        .isVisible();
    assertThat(page.getByLabel("Client configuration"))
        .hasValue(java.util.regex.Pattern.compile("/api/mcp[\\s\\S]*Bearer <your API key>"));
    assertThat(
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage API keys")))
        .hasAttribute("href", "/settings/api-keys");
    assertNoSeriousA11yViolations(page);

    page.getByLabel("Address", new Page.GetByLabelOptions().setExact(true)).fill(receiver.url());
    page.getByLabel("Note (optional)").fill("Front-desk dashboard");
    page.getByLabel("Patient registered").check();
    page.getByLabel("Invoice paid").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the endpoint"))
        .click();

    var secret = page.locator("#secret");
    assertThat(secret).hasValue(java.util.regex.Pattern.compile("whsec_.+"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test event"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("test event is on its way");
    assertThat(page.locator("#secret")).hasCount(0); // shown once
    receiver.await(java.time.Duration.ofSeconds(30), r -> !r.isEmpty());
    for (int i = 0; i < 20 && page.getByText("Delivered").count() == 0; i++) {
      Receiver.pause(500);
      page.reload();
    }
    var entry =
        page.getByRole(AriaRole.LISTITEM, new Page.GetByRoleOptions().setName("webhook.test"));
    assertThat(entry).containsText("Delivered");
    assertThat(entry).containsText("HTTP 204");
    shoot(page, "en-desktop-endpoint");
    var endpointPage = page.url();

    entry.getByRole(AriaRole.LINK).first().click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Attempts")))
        .isVisible();
    assertThat(page.locator("main")).containsText("HTTP 204");
    shoot(page, "en-desktop-delivery");

    page.navigate("/developer");
    assertThat(page.locator("#endpoints")).containsText(receiver.url());
    shoot(page, "en-desktop-developer");

    page.navigate("/language/ar?back=/developer");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("المطوّرون").setLevel(1)))
        .isVisible();
    assertNoSeriousA11yViolations(page, "the developer page in Arabic");
    shoot(page, "ar-desktop-developer");
    page.navigate(endpointPage);
    shoot(page, "ar-desktop-endpoint");

    try (var phone = phoneLike(context)) {
      var small = phone.newPage();
      for (var lang : new String[] {"ar", "en", "es"}) {
        small.navigate("/language/" + lang + "?back=/developer");
        assertThat(small.locator("h1")).isVisible();
        org.assertj.core.api.Assertions.assertThat(noSidewaysScroll(small))
            .as(lang + " developer page on a phone")
            .isTrue();
        shoot(small, lang + "-phone-developer");
        small.navigate(endpointPage);
        org.assertj.core.api.Assertions.assertThat(noSidewaysScroll(small))
            .as(lang + " endpoint page on a phone")
            .isTrue();
        shoot(small, lang + "-phone-endpoint");
      }
    }
  }

  /** A phone-sized context signed in as {@code signedIn} is. */
  private BrowserContext phoneLike(BrowserContext signedIn) {
    var phone =
        signedIn
            .browser()
            .newContext(
                new Browser.NewContextOptions()
                    .setBaseURL(origin())
                    .setStorageState(signedIn.storageState())
                    .setViewportSize(390, 844)
                    .setIsMobile(true)
                    .setHasTouch(true));
    phone.setDefaultTimeout(15_000);
    return phone;
  }

  private static boolean noSidewaysScroll(Page page) {
    return (Boolean)
        page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
  }

  private static void shoot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
