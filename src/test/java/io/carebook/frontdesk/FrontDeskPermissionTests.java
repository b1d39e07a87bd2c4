package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated from the permission matrix: for a member holding each single role, every step of a
 * visit from every state answers 200 where the matrix allows it, 409 where the role may take that
 * step but not from this state, and 403 where the role may never take it.
 */
@CarebookTest
class FrontDeskPermissionTests {

  /** The owner's steps that bring a new visit to each state. */
  private static final Map<VisitState, List<String>> ARRANGE =
      Map.of(
          VisitState.WAITING, List.of(),
          VisitState.WITH_ASSISTANT, List.of("start-assistant"),
          VisitState.WITH_DOCTOR, List.of("start-doctor"),
          VisitState.DONE, List.of("start-doctor", "complete"),
          VisitState.CANCELED, List.of("cancel"),
          VisitState.NO_SHOW, List.of("no-show"));

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(Role.class)
  void visitStepsFollowTheMatrix(Role role) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var member = api.as(organizations.join(api, owner, role.name()).token());
    var roles = EnumSet.of(role);

    var checkIn =
        member.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "Checked " + role)));
    assertThat(checkIn.status())
        .as(role + " check-in: " + checkIn.body())
        .isEqualTo(PermissionMatrix.allows(roles, Action.CHECK_IN, VisitState.NONE) ? 201 : 403);

    for (var transition : Transition.values()) {
      var inPrinciple =
          transition.from().stream()
              .anyMatch(s -> PermissionMatrix.allows(roles, transition.action(), s));
      for (var arrangement : ARRANGE.entrySet()) {
        var state = arrangement.getKey();
        var created =
            desk.post(
                "/api/v1/visits",
                Map.of("patient", Map.of("fullName", "Visit " + role + " " + state)));
        assertThat(created.status()).isEqualTo(201);
        var visit = "/api/v1/visits/" + created.text("id");
        for (var step : arrangement.getValue()) {
          var arranged = desk.post(visit + "/" + step, Map.of("reason", "arranged"));
          assertThat(arranged.status()).as(arranged.body().toString()).isEqualTo(200);
        }
        int expected;
        if (transition.leaves(state)
            && PermissionMatrix.allows(roles, transition.action(), state)) {
          expected = 200;
        } else if (!transition.leaves(state) && inPrinciple) {
          expected = 409;
        } else {
          expected = 403;
        }
        var response = member.post(visit + "/" + transition.path(), Map.of("reason", "because"));
        assertThat(response.status())
            .as("%s %s from %s: %s", role, transition, state, response.body())
            .isEqualTo(expected);
        if (expected == 200) {
          assertThat(response.text("state")).isEqualTo(transition.to().name());
        } else if (expected == 409) {
          assertThat(response.text("type")).isEqualTo("/problems/invalid-transition");
        }
        var now = desk.get(visit).body().path("visit").path("state").asString();
        assertThat(now).isEqualTo(expected == 200 ? transition.to().name() : state.name());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transition.class)
  void noStepLeadsBack(Transition transition) {
    // forward only: no step reaches WAITING, nor leaves DONE, CANCELED or NO_SHOW
    assertThat(transition.to()).isNotEqualTo(VisitState.WAITING);
    assertThat(transition.from())
        .doesNotContain(VisitState.DONE, VisitState.CANCELED, VisitState.NO_SHOW)
        .doesNotContain(transition.to());
    if (transition.to() == VisitState.WITH_ASSISTANT) {
      assertThat(transition.from()).containsOnly(VisitState.WAITING);
    }
  }
}
