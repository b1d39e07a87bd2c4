package io.carebook.frontdesk;

import static io.carebook.frontdesk.WalkIns.walkIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The visit's forward-only moves, through the API. */
@CarebookTest
class VisitMovesTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void aWalkInGoesForwardThroughTheDayAndNeverBack() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var checkedIn = walkIn(desk, "Walk In", Map.of());
    assertThat(checkedIn.status()).as(checkedIn.body().toString()).isEqualTo(201);
    assertThat(checkedIn.text("state")).isEqualTo("WAITING");
    assertThat(checkedIn.body().path("token").asInt()).isEqualTo(1);
    assertThat(checkedIn.text("tokenDay")).isEqualTo(LocalDate.now(CAIRO).toString());
    var visit = "/api/v1/visits/" + checkedIn.text("id");

    assertThat(desk.post(visit + "/start-assistant", Map.of()).text("state"))
        .isEqualTo("WITH_ASSISTANT");
    var back = desk.post(visit + "/start-assistant", Map.of());
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.text("type")).isEqualTo("/problems/invalid-transition");
    assertThat(desk.post(visit + "/start-doctor", Map.of()).text("state")).isEqualTo("WITH_DOCTOR");
    assertThat(desk.post(visit + "/no-show", Map.of()).status()).isEqualTo(409);
    assertThat(desk.post(visit + "/start-assistant", Map.of()).status()).isEqualTo(409);
    var done = desk.post(visit + "/complete", Map.of());
    assertThat(done.text("state")).isEqualTo("DONE");
    for (var step : List.of("start-assistant", "start-doctor", "cancel", "no-show", "complete")) {
      var again = desk.post(visit + "/" + step, Map.of("reason", "late"));
      assertThat(again.status()).as(step + " after done").isEqualTo(409);
    }
    var read = desk.get(visit);
    assertThat(read.status()).isEqualTo(200);
    var history = new ArrayList<String>();
    read.body().path("history").forEach(s -> history.add(s.path("to").asString()));
    assertThat(history).containsExactly("WAITING", "WITH_ASSISTANT", "WITH_DOCTOR", "DONE");
    assertThat(read.body().path("visit").path("doneAt").isNull()).isFalse();
    assertThat(desk.post(visit + "/unknown-step", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void cancelingNeedsAReasonAndNoShowOnlyWhileWaiting() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var visit = "/api/v1/visits/" + walkIn(desk, "Canceled Person", Map.of()).text("id");
    var noReason = desk.post(visit + "/cancel", Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().toString()).contains("reason");
    var canceled = desk.post(visit + "/cancel", Map.of("reason", "felt better"));
    assertThat(canceled.text("state")).isEqualTo("CANCELED");
    assertThat(canceled.text("cancelReason")).isEqualTo("felt better");

    var other = "/api/v1/visits/" + walkIn(desk, "Absent Person", Map.of()).text("id");
    assertThat(desk.post(other + "/no-show", Map.of()).text("state")).isEqualTo("NO_SHOW");
    assertThat(desk.post(other + "/start-doctor", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void anotherOrganizationsVisitIsNotFound() {
    var api = new Api(port);
    var mine = api.as(organizations.signUp(api).token());
    var theirs = api.as(organizations.signUp(api).token());
    var visit = "/api/v1/visits/" + walkIn(theirs, "Their Patient", Map.of()).text("id");
    assertThat(mine.get(visit).status()).isEqualTo(404);
    for (var step : List.of("start-assistant", "start-doctor", "complete", "cancel", "no-show")) {
      assertThat(mine.post(visit + "/" + step, Map.of("reason", "x")).status())
          .as(step)
          .isEqualTo(404);
    }
    assertThat(mine.get("/api/v1/visits").body().path("items").size()).isZero();
    assertThat(theirs.get(visit).body().path("visit").path("state").asString())
        .isEqualTo("WAITING");
  }
}
