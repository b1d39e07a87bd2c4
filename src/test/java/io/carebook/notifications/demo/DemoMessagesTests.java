package io.carebook.notifications.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.TestOrganizations;
import io.carebook.notifications.Clinics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/** The demo's messages, made at a fresh clinic so the shared demo stays untouched. */
@CarebookTest
class DemoMessagesTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void quietNightsAQuestionAndAFailedReminderOnceAndOnlyOnce() {
    var demo = DemoBeans.of(context, DemoMessages.class);
    var clinic = new Clinics(organizations, port, environment);
    assertThat(demo.messages(clinic.owner.tenant(), clinic.owner.clinic())).isTrue();
    assertThat(demo.messages(clinic.owner.tenant(), clinic.owner.clinic())).isFalse();
    assertThat(clinic.desk.get("/api/v1/notification-settings").text("quietFrom"))
        .isEqualTo("21:00");
    assertThat(clinic.desk.get("/api/v1/messages/failed").body().path("items").size()).isEqualTo(1);
  }
}
