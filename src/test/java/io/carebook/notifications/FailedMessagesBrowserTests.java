package io.carebook.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.carebook.TestOrganizations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A reminder to a wrong number fails; the desk sees it, fixes the provider, sends it again. */
class FailedMessagesBrowserTests extends FakeProvidersBrowser {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;

  @Test
  void staffSeeAFailedMessageAndSendItAgainInOneClick() {
    var clinic = new Clinics(organizations, port, environment);
    var sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    var path = "/2010-04-01/Accounts/" + sid + "/Messages.json";
    clinic.settings(
        Map.of(
            "channels",
            List.of("SMS"),
            "sms",
            Map.of("accountSid", sid, "from", "+15005550006", "authToken", "sms-secret")));
    FakeProviders.PROVIDERS.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(aResponse().withStatus(400).withBody("{\"code\": 21211}")));
    var appointment = clinic.book(Clinics.at(4, 10), "Failed Patient", "+201001239999");
    clinic.awaitMessages(
        appointment, m -> ChannelsTests.has(m, MessageKind.APPOINTMENT_BOOKED, "FAILED"));

    signInAsOwner(page, clinic.owner);
    page.navigate("/outbox");
    assertThat(page.getByRole(AriaRole.ARTICLE).first()).containsText("Failed");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Failed messages")).click();
    var message =
        page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("+201001239999"));
    assertThat(message).containsText("Hello Failed");
    assertThat(message).containsText("HTTP 400");

    FakeProviders.PROVIDERS.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMok\"}")));
    message
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Send again"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent again");
    clinic.awaitMessages(
        appointment, m -> ChannelsTests.has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"));
    page.reload();
    assertThat(page.getByText("No failed messages")).isVisible();

    page.navigate("/messages/failed?lang=ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("الرسائل الفاشلة")))
        .isVisible();
  }
}
