package io.carebook.notifications;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.carebook.CarebookTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The application wired to fake providers at the wire: SMTP to GreenMail, Twilio and the WhatsApp
 * Cloud API to WireMock, with a one-second timeout and quick retries. Test classes extending it
 * share one application; its message task has a name of its own, so the other test application
 * (same database) never sends these messages, nor this one theirs.
 */
@CarebookTest
@ContextConfiguration(initializers = FakeProviders.Ports.class)
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

  /** Points the application at the fake providers (one initializer, so one shared context). */
  static class Ports implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "carebook.notifications.sms.base-url=" + PROVIDERS.baseUrl(),
              "carebook.notifications.whatsapp.base-url=" + PROVIDERS.baseUrl(),
              "spring.mail.host=localhost",
              "spring.mail.port=" + SMTP.getSmtp().getPort())
          .applyTo(context);
    }
  }
}
