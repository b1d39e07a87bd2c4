package io.carebook.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.notifications.Outbox;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A completed password reset locks out whoever held the old password or an older link. */
@CarebookTest
class PasswordResetTests {

  private static final Pattern RESET =
      Pattern.compile("password-reset/new\\?token=([A-Za-z0-9_-]+)");

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Outbox outbox;
  @LocalServerPort int port;

  @Test
  void passwordResetEndsEveryOtherSessionAndResetLink() throws InterruptedException {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var thiefsBrowser =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    assertThat(thiefsBrowser.get("/patients").uri().getPath()).isEqualTo("/patients");
    var thiefsTokens =
        api.post(
            "/api/v1/tokens",
            Map.of(
                "email",
                owner.email(),
                "password",
                TestOrganizations.PASSWORD,
                "code",
                owner.app().nextCode()));
    var thiefsRefresh = thiefsTokens.text("refreshToken");
    var thiefsAccess = api.as(thiefsTokens.text("accessToken"));
    assertThat(thiefsAccess.get("/api/v1/patients").status()).isEqualTo(200);
    api.post("/api/v1/password-resets", Map.of("email", owner.email()));
    var olderLink = resetTokens(owner.email(), 1).getFirst();
    api.post("/api/v1/password-resets", Map.of("email", owner.email()));
    var newerLink =
        resetTokens(owner.email(), 2).stream().filter(t -> !t.equals(olderLink)).findFirst().get();

    Thread.sleep(1100); // an access token's time of issue is in whole seconds
    var done =
        api.post(
            "/api/v1/password-resets/complete",
            Map.of("token", newerLink, "password", "a brand new passphrase"));
    assertThat(done.status()).isEqualTo(204);

    assertThat(thiefsBrowser.get("/patients").uri().getPath())
        .as("the web session signed in with the old password has ended")
        .isEqualTo("/signin");
    assertThat(thiefsAccess.get("/api/v1/patients").status())
        .as("nor does an access token issued before the reset keep working")
        .isEqualTo(401);
    var refreshed = api.post("/api/v1/tokens/refresh", Map.of("refreshToken", thiefsRefresh));
    assertThat(refreshed.status()).isEqualTo(401);
    var olderUsed =
        api.post(
            "/api/v1/password-resets/complete",
            Map.of("token", olderLink, "password", "the thief's own passphrase"));
    assertThat(olderUsed.status()).isEqualTo(400);
    assertThat(olderUsed.text("type")).isEqualTo("/problems/invalid-token");
    var withNew =
        WebSession.signIn(port, owner.email(), "a brand new passphrase", owner.app().nextCode());
    assertThat(withNew.get("/patients").uri().getPath()).isEqualTo("/patients");
    var fresh =
        api.post(
            "/api/v1/tokens",
            Map.of(
                "email",
                owner.email(),
                "password",
                "a brand new passphrase",
                "code",
                owner.app().nextCode()));
    assertThat(api.as(fresh.text("accessToken")).get("/api/v1/patients").status())
        .as("a token issued after the reset works")
        .isEqualTo(200);
  }

  private List<String> resetTokens(String email, int atLeast) {
    return organizations.linkTokens(TenantId.PLATFORM, email, RESET, atLeast);
  }
}
