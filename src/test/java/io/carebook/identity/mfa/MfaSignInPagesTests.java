package io.carebook.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.tenancy.TenantTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web's two steps: after the password alone a session reaches nothing but the code page; the
 * code opens the rest. Owners without a second factor are kept on its set-up page.
 */
@CarebookTest
class MfaSignInPagesTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired MfaPolicy policy;
  @LocalServerPort int port;

  @Test
  void aPasswordAloneOpensOnlyTheCodePage() {
    var owner = organizations.signUp(new Api(port));
    var session = WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD);
    for (var page : new String[] {"/", "/patients", "/account/mfa", "/audit", "/clinics"}) {
      var response = session.get(page);
      assertThat(response.uri().getPath()).as(page).isEqualTo("/signin/code");
      assertThat(response.body()).doesNotContain(owner.clinic().toString());
    }
    assertThat(session.get("/api/v1/me").statusCode()).isEqualTo(401);

    var wrong =
        session.post(
            "/signin/code",
            "/signin/code",
            "code=" + owner.app().code(System.currentTimeMillis() / 30_000 + 99));
    assertThat(wrong.body()).contains("id=\"code-wrong\"");

    var right = session.post("/signin/code", "/signin/code", "code=" + owner.app().nextCode());
    assertThat(right.uri().getPath()).isEqualTo("/");
    assertThat(session.get("/patients").uri().getPath()).isEqualTo("/patients");
  }

  @Test
  void aSignedOutVisitGoesStraightToSignInNeverThroughTheCodePage() throws Exception {
    var http =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    for (var page : new String[] {"/", "/patients", "/calendar", "/signin/code"}) {
      for (var accept : new String[] {"text/html", "*/*"}) {
        var response =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + page))
                    .header("Accept", accept)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(page + " " + accept).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
            .as(page + " " + accept)
            .endsWith("/signin");
      }
    }
  }

  @Test
  void fiveWrongCodesEndThePendingSignIn() {
    var owner = organizations.signUp(new Api(port));
    var session = WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD);
    var wrong = "code=" + owner.app().code(System.currentTimeMillis() / 30_000 + 99);
    for (int i = 0; i < 4; i++) {
      session.post("/signin/code", "/signin/code", wrong);
    }
    var last = session.post("/signin/code", "/signin/code", wrong);
    assertThat(last.body()).contains("id=\"code-expired\"");
    assertThat(session.get("/signin/code").uri().getPath()).isEqualTo("/signin");
    assertThat(session.get("/").uri().getPath()).isEqualTo("/signin");
  }

  @Test
  void anOwnerWithoutASecondFactorIsKeptOnItsSetUpPage() {
    var owner = organizations.signUp(new Api(port));
    var session =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var off =
        session.post("/account/mfa", "/account/mfa/disable", "code=" + owner.app().nextCode());
    assertThat(off.uri().getPath()).isEqualTo("/account/mfa");
    assertThat(off.body()).contains("id=\"mfa-required\"").contains("<svg");
    assertThat(session.get("/patients").uri().getPath()).isEqualTo("/account/mfa");
    assertThat(session.get("/").uri().getPath()).isEqualTo("/account/mfa");
  }

  @Test
  void anOwnerRequiresTwoStepSignInOfEveryoneInTheOrganization() {
    var owner = organizations.signUp(new Api(port));
    assertThat(tenants.call(owner.tenant(), () -> policy.requiredForAll())).isFalse();
    var session =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var saved = session.post("/account/mfa", "/account/mfa/organization", "requiredForAll=true");
    assertThat(saved.uri().getQuery()).isEqualTo("saved");
    assertThat(tenants.call(owner.tenant(), () -> policy.requiredForAll())).isTrue();
  }
}
