package io.carebook.conversations.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.Api;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.notifications.FakeProviders;
import io.carebook.notifications.FakeProvidersBrowser;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A receptionist in the real browser: opens the inbox, takes over a waiting WhatsApp conversation,
 * replies (the WireMock'd Cloud API receives it), books for the patient through the calendar's
 * quick-book and comes back, hands the conversation back to the assistant; the transcript shows who
 * did what. The same application as the notification browser tests (it extends
 * FakeProvidersBrowser, so one shared context).
 */
class InboxBrowserTests extends FakeProvidersBrowser {

  private static final Path SHOTS = Path.of("target/screenshots/inbox");

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;

  @Test
  void aReceptionistTakesOverRepliesBooksAndHandsBack() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.GROWTH);
    var desk = api.as(owner.token());
    TestCalendars.openEveryDay(desk, desk.get("/api/v1/me").text("userId"), "08:00", "20:00");
    var phoneNumberId =
        "10" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    var settings =
        desk.put(
            "/api/v1/notification-settings",
            Map.of(
                "channels",
                List.of("WHATSAPP"),
                "whatsapp",
                Map.of(
                    "phoneNumberId",
                    phoneNumberId,
                    "accessToken",
                    "wa-token",
                    "appSecret",
                    "wa-secret")),
            Map.of());
    org.assertj.core.api.Assertions.assertThat(settings.status())
        .as(settings.body().toString())
        .isEqualTo(200);
    var cloudApi = "/v21.0/" + phoneNumberId + "/messages";
    FakeProviders.PROVIDERS.stubFor(
        post(urlPathEqualTo(cloudApi))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\":"
                            + " \"+201001234500\", \"wa_id\": \"201001234500\"}],"
                            + " \"messages\": [{\"id\": \"wamid.inbox-"
                            + UUID.randomUUID()
                            + "\"}]}")));
    var phone = "+2010" + (10_000_000 + (int) (Math.random() * 89_999_999));
    var conversation = waitingConversation(owner, phone);
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");

    signIn(page, receptionist.email());
    page.navigate("/inbox");
    assertThat(page.locator("#nav-inbox-waiting")).hasText("1");
    var row = page.locator(".cb-inbox-row", new Page.LocatorOptions().setHasText(phone));
    assertThat(row).containsText("Waiting for a person");
    assertNoSeriousA11yViolations(page, "the inbox");
    row.locator("a").click();

    assertThat(page.locator("#transcript")).containsText("Is the doctor in on Saturday?");
    assertThat(page.locator("#transcript")).containsText("Your code is ••••••");
    assertNoSeriousA11yViolations(page, "a conversation");
    page.locator("#take-over").click();
    assertThat(page.locator("#inbox-state")).hasText("With a person");
    assertThat(page.locator("#transcript"))
        .containsText("Member RECEPTIONIST took the conversation over");

    page.locator("#reply-text").fill("Yes, from 10:00. Shall I book you?");
    page.locator("#send-reply").click();
    var reply =
        page.locator("#transcript li", new Page.LocatorOptions().setHasText("Shall I book you?"));
    assertThat(reply).containsText("Member RECEPTIONIST");
    awaitCloudApi(cloudApi, "Shall I book you?");

    page.locator("#book-for").click();
    assertThat(page.locator("#booking-for")).isVisible();
    page.navigate(
        "/calendar?date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2));
    assertThat(page.locator("#booking-for")).isVisible();
    page.locator("a.cb-slot-link").first().click();
    assertThat(page.locator("#qb-phone")).hasValue(phone);
    page.locator("#qb-name").fill("Inbox Patient");
    page.locator("#qb-new").click();
    page.waitForURL(url -> url.contains("/inbox/" + conversation));
    assertThat(page.locator("#inbox-booked")).isVisible();
    assertThat(page.locator("#transcript")).containsText("Booked: ");

    page.locator("#hand-back").click();
    assertThat(page.locator("#inbox-state")).hasText("With the assistant");
    assertThat(page.locator("#transcript"))
        .containsText("Member RECEPTIONIST handed the conversation back to the assistant");
    screenshots(conversation);

    page.locator("#close-conversation").click();
    assertThat(page.locator("#inbox-state")).hasText("Finished");
    assertThat(page.locator("#transcript"))
        .containsText("Member RECEPTIONIST closed the conversation");
    assertThat(page.locator("#close-conversation")).hasCount(0);
  }

  @Test
  void anOwnerRewordsTheAssistantWithAPreviewAndSwitchesItOff() {
    var owner = organizations.signUp(new Api(port));
    signInAsOwner(page, owner);
    page.waitForURL("**/");
    page.navigate("/settings/conversations?language=es");
    assertThat(page.locator("#bot-enabled")).isChecked();
    page.locator("#text-greeting").fill("¡Hola! Bienvenido a {0}.");
    page.locator("#preview-settings").click();
    assertThat(page.locator("#preview-greeting")).containsText("Bienvenido a Clinic ");
    page.locator("#bot-enabled").uncheck();
    page.locator("#save-settings").click();
    assertThat(page.locator("#settings-saved")).isVisible();
    assertThat(page.locator("#bot-enabled")).not().isChecked();
    assertThat(page.locator("#text-greeting")).hasValue("¡Hola! Bienvenido a {0}.");
    assertNoSeriousA11yViolations(page, "the conversation settings");
    for (var lang : List.of("en", "ar")) {
      for (var phone : List.of(false, true)) {
        var shot = phone ? newContext(390, 844, true) : newContext(1280, 800);
        shot.addCookies(page.context().cookies());
        var p = shot.newPage();
        p.navigate("/settings/conversations?language=" + lang + "&lang=" + lang);
        p.screenshot(
            new Page.ScreenshotOptions()
                .setPath(
                    SHOTS.resolve("settings-" + lang + (phone ? "-phone" : "-desktop") + ".png"))
                .setFullPage(true));
        shot.close();
      }
    }
  }

  /** The inbox list, a transcript and the settings page: en and ar, desktop and phone. */
  private void screenshots(String conversation) {
    for (var lang : List.of("en", "ar")) {
      for (var phone : List.of(false, true)) {
        var shot = phone ? newContext(390, 844, true) : newContext(1280, 800);
        shot.addCookies(page.context().cookies());
        var p = shot.newPage();
        var suffix = lang + (phone ? "-phone" : "-desktop") + ".png";
        p.navigate("/inbox?lang=" + lang);
        p.screenshot(
            new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("list-" + suffix))
                .setFullPage(true));
        p.navigate("/inbox/" + conversation + "?lang=" + lang);
        p.screenshot(
            new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("transcript-" + suffix))
                .setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(
                (Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
            .as("the conversation scrolls sideways in " + lang + (phone ? " on a phone" : ""))
            .isTrue();
        shot.close();
      }
    }
  }

  /** A WhatsApp conversation waiting for a person, the patient's last message a minute ago. */
  private String waitingConversation(TestOrganizations.Owner owner, String phone) {
    var id = UUID.randomUUID();
    var now = Instant.now();
    tenants.inClinic(
        owner.tenant(),
        owner.clinic(),
        () -> {
          jdbc.sql(
                  """
                  insert into conversations (tenant_id, id, clinic_id, channel, phone, locale,
                    state, last_inbound_at, created_at, updated_at)
                  values (?, ?, ?, 'WHATSAPP', ?, 'en', 'WAITING', ?, ?, ?)""")
              .params(
                  owner.tenant().value(),
                  id,
                  owner.clinic().value(),
                  phone,
                  Timestamp.from(now.minus(Duration.ofMinutes(1))),
                  Timestamp.from(now.minus(Duration.ofMinutes(5))),
                  Timestamp.from(now.minus(Duration.ofMinutes(1))))
              .update();
          line(
              owner,
              id,
              "IN",
              "PATIENT",
              "Is the doctor in on Saturday?",
              now.minusSeconds(300),
              null);
          line(owner, id, "OUT", "BOT", "Your code is 482913", now.minusSeconds(290), null);
          line(
              owner,
              id,
              "OUT",
              "SYSTEM",
              "The patient asked for a person",
              now.minusSeconds(60),
              "{\"event\": \"PERSON_ASKED\", \"actor\": \"BOT\"}");
        });
    return id.toString();
  }

  private void line(
      TestOrganizations.Owner owner,
      UUID conversation,
      String direction,
      String author,
      String body,
      Instant at,
      String payload) {
    jdbc.sql(
            """
            insert into conversation_messages (tenant_id, id, conversation_id, direction, author,
              body, payload, created_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
        .params(
            owner.tenant().value(),
            UUID.randomUUID(),
            conversation,
            direction,
            author,
            body,
            payload,
            Timestamp.from(at))
        .update();
  }

  private static void awaitCloudApi(String path, String text) {
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      var found =
          FakeProviders.PROVIDERS.findAll(
              postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(text)));
      if (!found.isEmpty()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("the Cloud API never received: " + text);
  }

  private static void signIn(Page page, String email) {
    page.navigate("/signin");
    page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(TestOrganizations.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    page.waitForURL(url -> !url.contains("/signin"));
  }
}
