package io.carebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated from the permission matrix: for a member holding each single role, every page and
 * endpoint that shows a document or health data — prescriptions (JSON, PDF), invoices' PDFs, the
 * allergy and medication lists — answers 200 where the matrix gives the role the read, and 403
 * where it does not; another organization's member gets 404.
 */
@CarebookTest
class HealthDataPermissionTests {

  /** A read, the action that governs it, and its path given the data. */
  private record Read(Action action, boolean page, Function<HealthDataFixtures, String> path) {}

  private static final List<Read> READS =
      List.of(
          new Read(Action.PATIENT_VIEW, false, d -> "/api/v1/prescriptions/" + d.prescription()),
          new Read(
              Action.PATIENT_VIEW,
              false,
              d -> "/api/v1/prescriptions/" + d.prescription() + "/pdf"),
          new Read(Action.PATIENT_VIEW, true, d -> "/prescriptions/" + d.prescription() + "/pdf"),
          new Read(Action.PATIENT_VIEW, false, d -> "/api/v1/invoices/" + d.invoice() + "/pdf"),
          new Read(Action.PATIENT_VIEW, true, d -> "/billing/invoices/" + d.invoice() + "/pdf"),
          new Read(
              Action.PATIENT_VIEW, false, d -> "/api/v1/patients/" + d.patient() + "/allergies"),
          new Read(
              Action.PATIENT_VIEW, false, d -> "/api/v1/patients/" + d.patient() + "/medications"));

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(Role.class)
  void healthDataReadsFollowTheMatrix(Role role) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var data = HealthDataFixtures.make(api.as(owner.token()), "Matrix " + role);
    var member = organizations.join(api, owner, role.name());
    var memberApi = api.as(member.token());
    var browser =
        role == Role.OWNER || role == Role.DOCTOR
            ? WebSession.signIn(
                port,
                member.email(),
                TestOrganizations.PASSWORD,
                organizations.authenticator(member.email()).nextCode())
            : WebSession.signIn(port, member.email(), TestOrganizations.PASSWORD);
    var stranger = api.as(organizations.signUp(api).token());
    for (var read : READS) {
      var path = read.path().apply(data);
      var allowed = PermissionMatrix.allows(role, read.action(), VisitState.NONE);
      var status =
          read.page() ? browser.get(path).statusCode() : memberApi.download(path).statusCode();
      assertThat(status).as("%s reads %s", role, path).isEqualTo(allowed ? 200 : 403);
      if (!read.page()) {
        assertThat(stranger.download(path).statusCode())
            .as("another organization reads %s", path)
            .isEqualTo(404);
      }
    }
  }
}
