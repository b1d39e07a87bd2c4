package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated from the permission matrix: for a member holding each single role, every billing action
 * on an invoice of no visit (state NONE) and on the invoice of a visit done (state DONE) answers
 * success where the matrix allows it and 403 where it does not.
 */
@CarebookTest
class BillingPermissionTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(Role.class)
  void billingFollowsTheMatrix(Role role) throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");
    var member = api.as(organizations.join(api, owner, role.name()).token());
    var roles = EnumSet.of(role);

    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Billed " + role)).text("id");
    var visit =
        desk.post("/api/v1/visits", Map.of("patientId", patient, "doctorId", me)).text("id");
    desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of());
    desk.post("/api/v1/visits/" + visit + "/complete", Map.of());

    for (var state : new VisitState[] {VisitState.NONE, VisitState.DONE}) {
      var as = role + " in " + state;
      var body = new java.util.HashMap<String, Object>(Map.of("patientId", patient));
      if (state == VisitState.DONE) {
        body.put("visitId", visit);
        awaitDraft(desk, patient, visit); // the visit's own draft, made on its completion
        desk.post(
            "/api/v1/invoices/" + draftOf(desk, patient, visit) + "/void",
            Map.of("reason", "arranged"));
      }
      var drafted = member.post("/api/v1/invoices", body);
      var mayIssue = PermissionMatrix.allows(roles, Action.INVOICE_ISSUE, state);
      assertThat(drafted.status())
          .as(as + " drafts: " + drafted.body())
          .isEqualTo(mayIssue ? 201 : 403);
      var invoice = mayIssue ? drafted.text("id") : desk.post("/api/v1/invoices", body).text("id");
      var path = "/api/v1/invoices/" + invoice;

      var line =
          member.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "100"));
      assertThat(line.status()).as(as + " adds a line").isEqualTo(mayIssue ? 201 : 403);
      if (!mayIssue) {
        desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "100"));
      }
      var issued = member.post(path + "/issue", Map.of());
      assertThat(issued.status()).as(as + " issues").isEqualTo(mayIssue ? 200 : 403);
      if (!mayIssue) {
        desk.post(path + "/issue", Map.of());
      }

      var mayPay = PermissionMatrix.allows(roles, Action.PAYMENT_RECORD, state);
      var paid = member.post(path + "/payments", Map.of("method", "CASH", "amount", "100"));
      assertThat(paid.status()).as(as + " takes money").isEqualTo(mayPay ? 201 : 403);
      if (!mayPay) {
        desk.post(path + "/payments", Map.of("method", "CASH", "amount", "100"));
      }

      var mayRefund = PermissionMatrix.allows(roles, Action.REFUND, state);
      var refunded =
          member.post(
              path + "/refunds", Map.of("method", "CASH", "amount", "100", "reason", "test"));
      assertThat(refunded.status()).as(as + " refunds").isEqualTo(mayRefund ? 201 : 403);
      if (!mayRefund) {
        desk.post(path + "/refunds", Map.of("method", "CASH", "amount", "100", "reason", "test"));
      }

      var mayVoid = PermissionMatrix.allows(roles, Action.INVOICE_VOID, state);
      var voided = member.post(path + "/void", Map.of("reason", "test"));
      assertThat(voided.status()).as(as + " voids").isEqualTo(mayVoid ? 200 : 403);

      // a credit note corrects an issued invoice: the same permission as voiding one
      var target = path;
      if (mayVoid) { // that one is void now: another, issued, for the same visit
        target = "/api/v1/invoices/" + desk.post("/api/v1/invoices", body).text("id");
        desk.post(target + "/lines", Map.of("description", "Consultation", "unitPrice", "100"));
        desk.post(target + "/issue", Map.of());
      }
      var credited =
          member.post(target + "/credit-notes", Map.of("amount", "10", "reason", "Billed twice"));
      assertThat(credited.status())
          .as(as + " credits: " + credited.body())
          .isEqualTo(mayVoid ? 201 : 403);
    }
  }

  private static String draftOf(Api desk, String patient, String visit) {
    for (var item : desk.get("/api/v1/invoices?patientId=" + patient).body().path("items")) {
      if (visit.equals(item.path("visitId").asText())
          && !"VOID".equals(item.path("status").asText())) {
        return item.path("id").asText();
      }
    }
    throw new AssertionError("no invoice for the visit");
  }

  private static void awaitDraft(Api desk, String patient, String visit)
      throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      for (var item : desk.get("/api/v1/invoices?patientId=" + patient).body().path("items")) {
        if (visit.equals(item.path("visitId").asText())) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the visit's draft never came");
  }
}
