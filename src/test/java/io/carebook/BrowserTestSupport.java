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

  /**
   * Whether the page's header (if it has the staff shell's) is one row: every menu item and tool on
   * the brand's line and the bar under 80 px, as {@code HeaderBrowserTests} measures it.
   */
  protected static boolean headerIsOneRow(Page page) {
    @SuppressWarnings("unchecked")
    var measured =
        (java.util.Map<String, Object>)
            page.evaluate(
                "() => { const nav = document.querySelector('nav.cb-nav');"
                    + " if (!nav) return null;"
                    + " const brand = nav.querySelector('.navbar-brand').getBoundingClientRect();"
                    + " const mid = brand.top + brand.height / 2;"
                    + " const tops = [...nav.querySelectorAll('.navbar-nav > .nav-item,"
                    + " .cb-tools > *')].map(e => e.getBoundingClientRect())"
                    + ".filter(r => r.height > 0).map(r => r.top + r.height / 2);"
                    + " return { height: nav.getBoundingClientRect().height,"
                    + " off: Math.max(0, ...tops.map(t => Math.abs(t - mid))) }; }");
    if (measured == null) {
      return true;
    }
    return ((Number) measured.get("height")).doubleValue() < 80
        && ((Number) measured.get("off")).doubleValue() <= 8;
  }

  /**
   * Runs axe-core's WCAG 2 A and AA rules on what {@code page} shows and fails on any violation of
   * serious or critical impact, naming the rule and the elements.
   */
  protected static void assertNoSeriousA11yViolations(Page page, String what) {
    var found = seriousA11yViolations(page);
    if (!found.isEmpty()) {
      throw new AssertionError(what + " has serious accessibility violations:\n" + found);
    }
  }

  /** Like {@link #assertNoSeriousA11yViolations(Page, String)}, named by the page's address. */
  protected static void assertNoSeriousA11yViolations(Page page) {
    assertNoSeriousA11yViolations(page, page.url());
  }

  /** The serious and critical WCAG 2 A/AA violations on the page, one line per rule. */
  protected static String seriousA11yViolations(Page page) {
    var results =
        new com.deque.html.axecore.playwright.AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa"))
            .analyze();
    var lines = new StringBuilder();
    for (var rule : results.getViolations()) {
      if (!"serious".equals(rule.getImpact()) && !"critical".equals(rule.getImpact())) {
        continue;
      }
      lines.append("  ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ");
      lines.append(rule.getHelp()).append('\n');
      for (var node : rule.getNodes().stream().limit(5).toList()) {
        lines.append("    ").append(node.getTarget()).append(' ');
        var html = node.getHtml();
        lines.append(html.length() > 160 ? html.substring(0, 160) + "…" : html).append('\n');
      }
    }
    return lines.toString();
  }

  protected String origin() {
    return "http://localhost:" + port;
  }
}
