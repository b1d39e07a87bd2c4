package io.carebook.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A {@code ?lang=} shows one page (and what is reached from it) in that language and is never
 * stored; only the language menu keeps a choice.
 */
@CarebookTest
class LanguageBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;

  @Test
  void aLangParameterOnOneRequestDoesNotSwitchTheNextPage() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);

    page.navigate("/patients?lang=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    // the page's own links and forms keep the shared link's language ...
    assertThat(page.locator("nav a[href^='/calendar']").first())
        .hasAttribute("href", java.util.regex.Pattern.compile("lang=ar"));
    // ... but nothing is kept: the next page opened is in the visitor's language again
    org.assertj.core.api.Assertions.assertThat(context.cookies())
        .noneMatch(c -> c.name.equals("carebook-lang"));
    page.navigate("/calendar");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("html")).hasAttribute("dir", "ltr");

    // a link followed from the Arabic page stays Arabic, and is forgotten after it
    page.navigate("/patients?lang=ar");
    page.locator("nav a[href^='/calendar']").first().click();
    page.waitForURL("**/calendar?lang=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    page.navigate("/patients");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
  }

  @Test
  void theLanguageMenuKeepsTheChoice() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);

    page.navigate("/patients?q=zz");
    page.locator(".cb-lang a[hreflang=ar]").click();
    // back on the same page, in Arabic, its address clean
    page.waitForURL(url -> url.endsWith("/patients?q=zz"));
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    page.navigate("/calendar");
    assertThat(page.locator("html")).hasAttribute("lang", "ar");

    // a shared English link is shown in English once, the choice stays Arabic
    page.navigate("/calendar?lang=en");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    page.navigate("/patients");
    assertThat(page.locator("html")).hasAttribute("lang", "ar");

    page.locator(".cb-lang a[hreflang=en]").click();
    page.waitForURL(url -> url.endsWith("/patients"));
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    page.navigate("/calendar");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
  }

  @Test
  void theMenuReturnsOnlyToThisSitesPages() {
    org.assertj.core.api.Assertions.assertThat(LanguageMenu.here("https://evil.example/x"))
        .isEqualTo("/");
    org.assertj.core.api.Assertions.assertThat(LanguageMenu.here("//evil.example/x"))
        .isEqualTo("/");
    org.assertj.core.api.Assertions.assertThat(LanguageMenu.here("/calendar?lang=ar&date=2026"))
        .isEqualTo("/calendar?date=2026");
    org.assertj.core.api.Assertions.assertThat(LanguageMenu.here("/calendar?date=2026&lang=ar"))
        .isEqualTo("/calendar?date=2026");
    org.assertj.core.api.Assertions.assertThat(LinkLanguage.carry("/billing/invoices/1/pdf", "ar"))
        .isEqualTo("/billing/invoices/1/pdf");
    org.assertj.core.api.Assertions.assertThat(LinkLanguage.carry("/patients#new", "ar"))
        .isEqualTo("/patients?lang=ar#new");
  }
}
