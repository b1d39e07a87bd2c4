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
 * The application wired to fake providers at the wire: SMTP to GreenMail, Twilio, the WhatsApp
 * Cloud API, Stripe and Razorpay to WireMock, with a one-second timeout and quick retries. Test
 * classes extending it share one application; its message task has a name of its own, so the other
 * test application (same database) never sends these messages, nor this one theirs.
 */
@CarebookTest
@ContextConfiguration(initializers = FakeProviders.Ports.class)
@TestPropertySource(
    properties = {
      "carebook.notifications.task-name=send-message-with-fake-providers",
      "carebook.follow-ups.queue=fake-providers",
      "carebook.notifications.provider-timeout=PT2S",
      "carebook.notifications.first-retry=PT1S",
      "carebook.notifications.max-attempts=3",
      "db-scheduler.polling-interval=1s",
      "carebook.stripe.secret-key=sk_test_carebook",
      "carebook.stripe.webhook-secret=whsec_test_carebook",
      "carebook.stripe.price.GROWTH=price_growth_monthly",
      "carebook.stripe.price.PRO=price_pro_monthly",
      "carebook.razorpay.key-id=rzp_test_carebook",
      "carebook.razorpay.key-secret=rzp_secret_carebook",
      "carebook.razorpay.webhook-secret=rzp_whsec_carebook",
      "carebook.razorpay.plan.GROWTH=plan_growth_monthly"
    })
public abstract class FakeProviders {

  public static final WireMockServer PROVIDERS =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    PROVIDERS.start();
    SMTP.start();
  }

  /** Points the application at the fake providers (one initializer, so one shared context). */
  public static class Ports
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "carebook.notifications.sms.base-url=" + PROVIDERS.baseUrl(),
              "carebook.notifications.whatsapp.base-url=" + PROVIDERS.baseUrl(),
              "carebook.stripe.api-base=" + PROVIDERS.baseUrl(),
              "carebook.razorpay.api-base=" + PROVIDERS.baseUrl(),
              "spring.mail.host=localhost",
              "spring.mail.port=" + SMTP.getSmtp().getPort())
          .applyTo(context);
    }
  }
}
