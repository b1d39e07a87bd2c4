package io.carebook.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.shared.TenantId;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web form, the API and the e-mail link share one set of sign-in defences, and only a trusted
 * proxy's X-Forwarded-For counts (the tests trust loopback's 127.0.0.1 alone, see CarebookTest).
 */
@CarebookTest
class SignInLockoutPagesTests {

  private static final Pattern LINK = Pattern.compile("signin/link/open\\?token=([A-Za-z0-9_-]+)");

  @Autowired TestOrganizations organizations;
  @Autowired org.springframework.core.env.Environment environment;
  @LocalServerPort int port;

  @Test
  void webSignInFormLocksAfterFiveWrongPasswords() {
    var owner = organizations.signUp(new Api(port));
    var browser = WebSession.anonymous(port);
    for (int i = 0; i < Lockout.PAIR_MAX_FAILURES; i++) {
      var wrong = signIn(browser, owner.email(), "guess number " + i);
      assertThat(wrong.uri().getQuery()).isEqualTo("error=invalid");
    }
    var right = signIn(browser, owner.email(), TestOrganizations.PASSWORD);
    assertThat(right.uri().getPath()).isEqualTo("/signin");
    assertThat(right.uri().getQuery()).isEqualTo("error=locked");
    assertThat(right.body()).contains("id=\"locked\"").contains("/signin/link");
    assertThat(browser.get("/signin/code").uri().getPath())
        .as("no pending sign-in either")
        .isEqualTo("/signin");
    var audited =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select detail from audit_log a join users u on a.entity_id = u.id::text
                where lower(u.email) = lower(?) and a.action = 'SIGN_IN_FAILED'""")
            .param(owner.email())
            .query(String.class)
            .list();
    assertThat(audited)
        .as("every failure and refusal is audited")
        .hasSize(6)
        .contains("TooManySignIns");
  }

  @Test
  void forwardedForFromAnUntrustedClientDoesNotResetTheLock() throws Exception {
    var owner = organizations.signUp(new Api(port));
    var untrusted =
        HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
    for (int i = 0; i < Lockout.ADDRESS_MAX_FAILURES; i++) {
      var sprayed =
          tokens(
              untrusted,
              "nobody-" + UUID.randomUUID() + "@example.test",
              "guess",
              "203.0.113." + i);
      assertThat(sprayed.statusCode()).isEqualTo(401);
    }
    var after = tokens(untrusted, owner.email(), TestOrganizations.PASSWORD, "203.0.113.200");
    assertThat(after.statusCode())
        .as("a new X-Forwarded-For does not make an untrusted client a new address")
        .isEqualTo(429);
    assertThat(after.body()).contains("/problems/locked-out");
  }

  @Test
  void lockedOutUserGetsInByEmailLink() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    for (int i = 0; i < Lockout.ACCOUNT_MAX_FAILURES; i++) {
      api.from("198.19.200." + (i + 1))
          .post("/api/v1/tokens", Map.of("email", owner.email(), "password", "guess " + i));
    }
    var browser = WebSession.anonymous(port);
    assertThat(signIn(browser, owner.email(), TestOrganizations.PASSWORD).uri().getQuery())
        .isEqualTo("error=locked");

    var sent = browser.post("/signin/link", "/signin/link", "email=" + encode(owner.email()));
    assertThat(sent.body()).contains("id=\"link-sent\"");
    var token = organizations.linkToken(TenantId.PLATFORM, owner.email(), LINK);
    var open = "/signin/link/open?token=" + token;
    var codePage = browser.post(open, "/signin/link/open", "token=" + token);
    assertThat(codePage.uri().getPath())
        .as("the link stands in for the password only")
        .isEqualTo("/signin/code");
    var home = browser.post("/signin/code", "/signin/code", "code=" + owner.app().nextCode());
    assertThat(home.uri().getPath()).isEqualTo("/");
    assertThat(browser.get("/patients").uri().getPath()).isEqualTo("/patients");

    var again = WebSession.anonymous(port).post(open, "/signin/link/open", "token=" + token);
    assertThat(again.uri().getPath()).as("the link works once").isEqualTo("/signin/link/open");
    assertThat(again.body()).doesNotContain("patient-search");
    var attacker = api.post("/api/v1/tokens", Map.of("email", owner.email(), "password", "x"));
    assertThat(attacker.status()).as("the account stays locked for everyone else").isEqualTo(429);
  }

  private static HttpResponse<String> signIn(WebSession browser, String email, String password) {
    return browser.post(
        "/signin", "/signin", "email=" + encode(email) + "&password=" + encode(password));
  }

  private HttpResponse<String> tokens(
      HttpClient client, String email, String password, String forwardedFor) throws Exception {
    var body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
