package io.carebook.notifications;

import io.carebook.BrowserTestSupport;
import io.carebook.CarebookTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser tests against the application wired to the fake providers of {@link FakeProviders} (one
 * shared context; public for the inbox's browser tests, which send through the same providers).
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
      "db-scheduler.polling-interval=1s"
    })
public abstract class FakeProvidersBrowser extends BrowserTestSupport {}
