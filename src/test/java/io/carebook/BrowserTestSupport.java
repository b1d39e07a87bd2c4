package io.carebook;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests in the machine's own Chromium: one browser per test class, a fresh context (cookies,
 * storage, language) per test. Nothing is downloaded: Playwright's driver ships inside its jar and
 * the browser is the system's.
 */
public abstract class BrowserTestSupport {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final List<String> ARGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic");

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort protected int port;

  protected BrowserContext context;
  protected Page page;

  @BeforeAll
  static void launchBrowser() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException("Chromium is missing: apt-get install -y chromium");
    }
    PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(ARGS));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openContext() {
    context = newContext(1280, 800);
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  /** A new context on this test's server, in English unless the test switches. */
  protected BrowserContext newContext(int width, int height) {
    return newContext(width, height, false);
  }

  /** A new context; a mobile one has touch and honours the page's viewport meta tag. */
  protected BrowserContext newContext(int width, int height, boolean mobile) {
    var context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(origin())
                .setLocale("en-US")
                .setViewportSize(width, height)
                .setIsMobile(mobile)
                .setHasTouch(mobile));
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** A new desktop context whose device clock is set to {@code zone}, as a television may be. */
  protected BrowserContext newContextInZone(String zone) {
    var context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(origin())
                .setLocale("en-US")
                .setViewportSize(1280, 720)
                .setTimezoneId(zone));
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** A new desktop context whose pages run no JavaScript, as some browsers and proxies do. */
  protected BrowserContext newContextWithoutJavaScript() {
    var context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(origin())
                .setLocale("en-US")
                .setViewportSize(1280, 800)
                .setJavaScriptEnabled(false));
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** Signs the organization's owner in on {@code page}: password, then the authenticator code. */
  protected static void signInAsOwner(Page page, TestOrganizations.Owner owner) {
    page.navigate("/signin");
    page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(owner.email());
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(TestOrganizations.PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
        .fill(owner.app().nextCode());
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Continue"))
        .click();
  }

  protected String origin() {
    return "http://localhost:" + port;
  }
}
