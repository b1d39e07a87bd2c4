package io.carebook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a random port, backed by the one embedded PostgreSQL of
 * this test JVM (migrated once) and connected as the application role, with row-level security on.
 * Every test class uses the same properties, so they share one Spring context. Tests create their
 * own organizations with random ids instead of cleaning up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "carebook.dev=true",
      "carebook.embedded-database.directory=temporary",
      "carebook.embedded-database.port=0",
      "carebook.demo=false",
      // the tests' clients connect from loopback, as through a local proxy (see Api)
      "carebook.trusted-proxies=127.0.0.1, ::1",
      "carebook.documents.directory=target/test-documents",
      "carebook.dev.outbox-page=true",
      "carebook.rate-limit.sign-up-ip=100000",
      "carebook.rate-limit.sign-in-ip=100000",
      "carebook.rate-limit.password-reset-ip=100000",
      "carebook.rate-limit.organization=100000",
      "carebook.rate-limit.mfa-code-user=100000",
      "carebook.stripe.webhook-secret=whsec_test_carebook",
      "carebook.platform.operator-token=operator-test-token",
      // issue 19 (watext): the developer's WhatsApp phone and its fake Cloud API, as in the demo
      "carebook.dev.whatsapp-simulator=true"
    })
public @interface CarebookTest {}
