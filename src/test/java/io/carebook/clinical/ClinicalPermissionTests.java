package io.carebook.clinical;

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
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated from the permission matrix: for a member holding each single role, every clinical
 * action on a visit in every state answers success where the matrix allows it and 403 where it does
 * not. The owner (also a doctor) arranges each visit so that the action could succeed: a draft note
 * to sign, a signed note to add to, a draft with an item to finalize, a finalized prescription to
 * add to.
 */
@CarebookTest
class ClinicalPermissionTests {

  /**
   * The owner's steps that bring a new visit to each state, the clinical records made on the way.
   */
  private static final Map<VisitState, List<String>> ARRANGE =
      Map.of(
          VisitState.WAITING, List.of(),
          VisitState.WITH_ASSISTANT, List.of("start-assistant"),
          VisitState.WITH_DOCTOR, List.of("start-doctor"),
          VisitState.DONE, List.of("start-doctor", "complete"),
          VisitState.CANCELED, List.of("start-doctor", "cancel"),
          VisitState.NO_SHOW, List.of("no-show"));

  /** A clinical action as the API takes it: the request, given the visit and its prescription. */
  private record Call(Action action, int success, BiFunction<Api, Arranged, Api.Response> send) {}

  private record Arranged(String visit, @Nullable String prescription) {}

  private static final List<Call> CALLS =
      List.of(
          new Call(
              Action.VITALS_RECORD,
              201,
              (api, a) -> api.post("/api/v1/visits/" + a.visit() + "/vitals", Map.of("pulse", 80))),
          new Call(
              Action.NOTE_DRAFT,
              200,
              (api, a) ->
                  api.put(
                      "/api/v1/visits/" + a.visit() + "/note",
                      Map.of("assessment", "Member's draft"),
                      Map.of())),
          new Call(
              Action.NOTE_SIGN,
              200,
              (api, a) -> api.post("/api/v1/visits/" + a.visit() + "/note/sign", Map.of())),
          new Call(
              Action.NOTE_ADDENDUM,
              201,
              (api, a) ->
                  api.post(
                      "/api/v1/visits/" + a.visit() + "/note/addenda", Map.of("body", "Later"))),
          new Call(
              Action.PRESCRIPTION_DRAFT,
              201,
              (api, a) ->
                  a.prescription() == null // a visit never with the doctor: start one
                      ? api.post("/api/v1/visits/" + a.visit() + "/prescriptions", Map.of())
                      : api.post(
                          "/api/v1/prescriptions/" + a.prescription() + "/items",
                          Map.of("drug", "Paracetamol"))),
          new Call(
              Action.PRESCRIPTION_FINALIZE,
              200,
              (api, a) ->
                  api.post("/api/v1/prescriptions/" + a.prescription() + "/finalize", Map.of())),
          new Call(
              Action.PRESCRIPTION_ADDENDUM,
              201,
              (api, a) ->
                  api.post(
                      "/api/v1/prescriptions/" + a.prescription() + "/addenda",
                      Map.of("body", "Later"))));

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(Role.class)
  void clinicalActionsFollowTheMatrix(Role role) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var member = api.as(organizations.join(api, owner, role.name()).token());
    var roles = EnumSet.of(role);
    for (var call : CALLS) {
      for (var state : ARRANGE.keySet()) {
        var arranged = arrange(desk, call.action(), state);
        var allowed = PermissionMatrix.allows(roles, call.action(), state);
        if (arranged.prescription() == null
            && (call.action() == Action.PRESCRIPTION_FINALIZE
                || call.action() == Action.PRESCRIPTION_ADDENDUM)) {
          // no prescription exists on a visit never with the doctor, and nobody may make one
          assertThat(allowed).as("%s %s on a visit %s", role, call.action(), state).isFalse();
          continue;
        }
        var response = call.send().apply(member, arranged);
        assertThat(response.status())
            .as("%s %s on a visit %s: %s", role, call.action(), state, response.body())
            .isEqualTo(allowed ? call.success() : 403);
      }
    }
  }

  /**
   * A visit brought to {@code state}, with what {@code action} needs made while it was with the
   * doctor (where the visit passes through that state).
   */
  private static Arranged arrange(Api desk, Action action, VisitState state) {
    var steps = ARRANGE.get(state);
    var withDoctor = steps.contains("start-doctor");
    var visit =
        ClinicalFixtures.visit(
            desk,
            "Arranged " + action + " " + state,
            withDoctor ? new String[] {"start-doctor"} : steps.toArray(String[]::new));
    String prescription = null;
    if (withDoctor) {
      var path = "/api/v1/visits/" + visit;
      assertThat(desk.put(path + "/note", Map.of("plan", "Rest"), Map.of()).status())
          .isEqualTo(200);
      if (action == Action.NOTE_ADDENDUM) {
        assertThat(desk.post(path + "/note/sign", Map.of()).status()).isEqualTo(200);
      }
      prescription = desk.post(path + "/prescriptions", Map.of()).text("id");
      var items = "/api/v1/prescriptions/" + prescription + "/items";
      assertThat(desk.post(items, Map.of("drug", "Ibuprofen")).status()).isEqualTo(201);
      if (action == Action.PRESCRIPTION_ADDENDUM) {
        var finalized = desk.post("/api/v1/prescriptions/" + prescription + "/finalize", Map.of());
        assertThat(finalized.status()).isEqualTo(200);
      }
      for (var step : steps.subList(1, steps.size())) {
        var moved = desk.post(path + "/" + step, Map.of("reason", "arranged"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
      }
    }
    return new Arranged(visit, prescription);
  }
}
