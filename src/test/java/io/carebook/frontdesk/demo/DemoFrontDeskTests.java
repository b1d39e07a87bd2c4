package io.carebook.frontdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.TestOrganizations;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo's morning queue, made at a fresh clinic so the shared demo stays untouched. */
@CarebookTest
class DemoFrontDeskTests {

  @Autowired TestOrganizations organizations;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void aMorningQueueWithEveryStateOnceAndOnlyOnce() {
    var demo = DemoBeans.of(context, DemoFrontDesk.class);
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    for (int i = 0; i < 12; i++) {
      desk.post("/api/v1/patients", Map.of("fullName", "Demo Patient " + i));
    }
    assertThat(demo.morningQueue(owner.tenant(), owner.clinic())).isEqualTo(12);
    assertThat(demo.morningQueue(owner.tenant(), owner.clinic())).isZero();
    var states = new ArrayList<String>();
    desk.get("/api/v1/visits?all=true")
        .body()
        .path("items")
        .forEach(v -> states.add(v.path("state").asString()));
    assertThat(states)
        .hasSize(12)
        .contains("WAITING", "WITH_ASSISTANT", "WITH_DOCTOR", "DONE", "NO_SHOW");
    var waiting = desk.get("/api/v1/visits").body().path("items");
    assertThat(waiting.size()).isEqualTo(9);
    assertThat(waiting.get(0).path("priority").asString()).isEqualTo("EMERGENCY");
  }
}
