package io.carebook.frontdesk;

import static io.carebook.frontdesk.WalkIns.walkIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The queue order and its estimated waits, through the API. */
@CarebookTest
class DeskBoardTests {

  @Autowired TestOrganizations organizations;
  @Autowired org.springframework.core.env.Environment environment;
  @LocalServerPort int port;

  @Test
  void estimatesStartFromTheDoctorsUsualLengthOverTheLastThirtyDays() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var minutes = List.of(30, 40, 50, 90);
    var daysAgo = List.of(1, 2, 3, 40); // the last is too old to count
    for (int i = 0; i < minutes.size(); i++) {
      var visit = walkIn(desk, "Earlier " + i, Map.of("doctorId", doctor)).text("id");
      assertThat(desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of()).status())
          .isEqualTo(200);
      assertThat(desk.post("/api/v1/visits/" + visit + "/complete", Map.of()).status())
          .isEqualTo(200);
      io.carebook.OwnerDatabase.jdbc(environment)
          .sql(
              """
              update visits set token_day = token_day - ?,
                     doctor_at = done_at - make_interval(mins => ?)
               where id = ?::uuid""")
          .params(daysAgo.get(i), minutes.get(i), visit)
          .update();
    }
    walkIn(desk, "First", Map.of("doctorId", doctor));
    var second = walkIn(desk, "Second", Map.of("doctorId", doctor)).text("id");

    var waits = desk.get("/api/v1/visits").body().path("estimatedWaitMinutes");
    assertThat(waits.path(second).asLong())
        .as("the median of 30, 40 and 50 minutes, not the 15-minute default")
        .isEqualTo(40);
  }

  @Test
  void theQueueGoesByPriorityThenToken() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    walkIn(desk, "First None", Map.of());
    walkIn(desk, "Second Follow", Map.of("priority", "FOLLOW_UP"));
    walkIn(desk, "Third Elderly", Map.of("priority", "ELDERLY"));
    walkIn(desk, "Fourth None", Map.of());
    walkIn(desk, "Fifth Emergency", Map.of("priority", "EMERGENCY"));
    walkIn(desk, "Sixth Elderly", Map.of("priority", "ELDERLY"));
    var queue = desk.get("/api/v1/visits");
    assertThat(queue.status()).isEqualTo(200);
    var tokens = new ArrayList<Integer>();
    queue.body().path("items").forEach(v -> tokens.add(v.path("token").asInt()));
    assertThat(tokens).containsExactly(5, 3, 6, 2, 1, 4);
  }
}
