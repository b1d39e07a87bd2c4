package io.carebook.notifications;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.carebook.CarebookTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application wired to fake providers at the wire: SMTP to GreenMail, Twilio and the WhatsApp
 * Cloud API to WireMock, with a one-second timeout and quick retries. Test classes extending it
 * share one application; its message task has a name of its own, so the other test application
 * (same database) never sends these messages, nor this one theirs.
 */
@CarebookTest
@TestPropertySource(
    properties = {
      "carebook.notifications.task-name=send-message-with-fake-providers",
      "carebook.notifications.provider-timeout=PT1S",
      "carebook.notifications.first-retry=PT1S",
      "carebook.notifications.max-attempts=3",
      "db-scheduler.polling-interval=1s"
    })
abstract class FakeProviders {

  static final WireMockServer PROVIDERS =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    PROVIDERS.start();
    SMTP.start();
  }

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("carebook.notifications.sms.base-url", PROVIDERS::baseUrl);
    registry.add("carebook.notifications.whatsapp.base-url", PROVIDERS::baseUrl);
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }
}
