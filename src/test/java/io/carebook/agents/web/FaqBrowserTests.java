package io.carebook.agents.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.carebook.Api;
import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner writes the clinic's FAQ on its page in the real browser, watching the preview of what an
 * agent reads as they type, then an agent reads the same through the MCP tool clinic_info; a
 * receptionist cannot open the page. Screenshots in en and ar, desktop and phone, under {@code
 * target/screenshots/faq/}.
 */
@CarebookTest
class FaqBrowserTests extends BrowserTestSupport {

  private static final Path SHOTS = Path.of("target/screenshots/faq");

  @Autowired TestOrganizations organizations;

  @Test
  void anOwnerAddsAnEntrySeesThePreviewAndAnAgentQuotesIt() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), io.carebook.tenancy.Plan.PRO);
    signInAsOwner(page, owner);
    page.waitForURL("**/");
    assertThat(page.locator("a.dropdown-item[href='/settings/faq']")).hasText("Clinic FAQ");
    page.navigate("/settings/faq?language=en");
    assertThat(page.locator("#faq-preview-empty")).isVisible();

    page.locator("#question-0").fill("Is there parking?");
    page.locator("#answer-0").fill("Yes, free parking behind the building.");
    assertThat(page.locator("#faq-preview")).containsText("Is there parking?");
    assertThat(page.locator("#faq-preview-json"))
        .containsText("\"answer\" : \"Yes, free parking behind the building.\"");
    page.locator("#save-faq").click();
    assertThat(page.locator("#faq-saved")).isVisible();
    assertThat(page.locator("#question-0")).hasValue("Is there parking?");

    page.locator("#question-1").fill("Can I pay by card?");
    page.locator("#answer-1").fill("Yes, every card.");
    page.locator("#save-faq").click();
    assertThat(page.locator("#faq-saved")).isVisible();
    page.getByLabel("Move question 2 up").click();
    assertThat(page.locator("#question-0")).hasValue("Can I pay by card?");
    assertThat(page.locator("#question-1")).hasValue("Is there parking?");
    assertNoSeriousA11yViolations(page, "the FAQ page");

    page.locator("#question-2").fill("Do you open on Fridays?");
    page.locator("#save-faq").click();
    assertThat(page.locator("#faq-refused")).isVisible();
    assertThat(page.locator("#answer-2")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
    assertThat(page.locator("#question-2")).hasValue("Do you open on Fridays?");

    page.navigate("/settings/faq?language=es");
    assertThat(page.locator("#faq-fallback")).isVisible();
    assertThat(page.locator("#faq-preview")).containsText("Can I pay by card?");

    var created =
        api.as(owner.token())
            .post("/api/v1/api-keys", Map.of("name", "Agent", "actions", List.of("BOOKING")));
    org.assertj.core.api.Assertions.assertThat(created.status())
        .as(created.body().toString())
        .isEqualTo(201);
    var key = created.text("secret");
    var transport =
        HttpClientStreamableHttpTransport.builder(origin())
            .endpoint("/api/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
            .build();
    try (var agent = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
      agent.initialize();
      var info =
          agent.callTool(
              McpSchema.CallToolRequest.builder("clinic_info")
                  .arguments(Map.of("language", "en"))
                  .build());
      org.assertj.core.api.Assertions.assertThat(((Map<?, ?>) info.structuredContent()).get("faq"))
          .isEqualTo(
              List.of(
                  Map.of("question", "Can I pay by card?", "answer", "Yes, every card."),
                  Map.of(
                      "question",
                      "Is there parking?",
                      "answer",
                      "Yes, free parking behind the building.")));
    }
    screenshots();

    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var desk = WebSession.signIn(port, receptionist.email(), TestOrganizations.PASSWORD);
    org.assertj.core.api.Assertions.assertThat(desk.get("/settings/faq").statusCode())
        .isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(
            desk.post("/", "/settings/faq", "language=en&question=Hijacked&answer=Yes")
                .statusCode())
        .isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(desk.get("/").body())
        .doesNotContain("href=\"/settings/faq\"");
  }

  private void screenshots() {
    for (var lang : List.of("en", "ar")) {
      for (var phone : List.of(false, true)) {
        var shot = phone ? newContext(390, 844, true) : newContext(1280, 800);
        shot.addCookies(page.context().cookies());
        var p = shot.newPage();
        p.navigate("/settings/faq?language=" + lang + "&lang=" + lang);
        if ("ar".equals(lang)) {
          p.locator("#question-0").fill("هل يوجد موقف للسيارات؟");
          p.locator("#answer-0").fill("نعم، موقف مجاني خلف المبنى.");
          assertThat(p.locator("#faq-preview")).containsText("هل يوجد موقف للسيارات؟");
        }
        p.screenshot(
            new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(lang + (phone ? "-phone" : "-desktop") + ".png"))
                .setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(
                (Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
            .as("the FAQ page scrolls sideways in " + lang + (phone ? " on a phone" : ""))
            .isTrue();
        shot.close();
      }
    }
  }
}
