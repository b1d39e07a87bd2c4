package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Forged, expired, wrongly signed and unsigned tokens are refused; keys rotate gracefully. */
@CarebookTest
class AccessTokenTests {

  @Autowired TestOrganizations organizations;
  @Autowired SigningKeys keys;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aTokenWhoseClaimsWereChangedIsRefused() {
    var api = new Api(port);
    var mine = organizations.signUp(api);
    var theirs = organizations.signUp(api);
    var parts = mine.token().split("\\.");
    var claims =
        new String(Base64.getUrlDecoder().decode(parts[1]))
            .replace(mine.clinic().toString(), theirs.clinic().toString())
            .replace(mine.tenant().toString(), theirs.tenant().toString());
    var forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
            + "."
            + parts[2];
    assertThat(api.as(forged).get("/api/v1/patients").status()).isEqualTo(401);
  }

  @Test
  void expiredWronglySignedAndUnsignedTokensAreRefused() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var user = api.as(owner.token()).get("/api/v1/me").text("userId");
    var realKey = keys.signing();

    var expired =
        sign(
            realKey.toByteArray(),
            realKey.getKeyID(),
            claims(user, owner, Instant.now().minusSeconds(60)));
    assertThat(api.as(expired).get("/api/v1/patients").status()).isEqualTo(401);

    var otherSecret = new byte[32];
    new java.security.SecureRandom().nextBytes(otherSecret);
    var wronglySigned =
        sign(otherSecret, realKey.getKeyID(), claims(user, owner, Instant.now().plusSeconds(600)));
    assertThat(api.as(wronglySigned).get("/api/v1/patients").status()).isEqualTo(401);

    var header =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
    var payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims(user, owner, Instant.now().plusSeconds(600)).toString().getBytes());
    assertThat(api.as(header + "." + payload + ".").get("/api/v1/patients").status())
        .isEqualTo(401);

    var good =
        sign(
            realKey.toByteArray(),
            realKey.getKeyID(),
            claims(user, owner, Instant.now().plusSeconds(600)));
    assertThat(api.as(good).get("/api/v1/patients").status())
        .as("the same claims, rightly signed")
        .isEqualTo(200);
  }

  @Test
  void aNewSigningKeySignsFromNowOnWhileTokensOfTheOldOneStayValid() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var before = owner.token();
    var oldKey = keys.signing().getKeyID();
    keys.rotate();
    var after = organizations.signIn(api, owner.email(), null);
    assertThat(header(after)).contains(keys.signing().getKeyID()).doesNotContain(oldKey);
    assertThat(api.as(before).get("/api/v1/patients").status()).isEqualTo(200);
    assertThat(api.as(after).get("/api/v1/patients").status()).isEqualTo(200);

    OwnerDatabase.jdbc(environment)
        .sql("update token_signing_keys set retired_at = now() where key_id = ?")
        .param(oldKey)
        .update();
    keys.reload();
    assertThat(api.as(before).get("/api/v1/patients").status())
        .as("a retired key's tokens")
        .isEqualTo(401);
  }

  private static String header(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
  }

  private static JWTClaimsSet claims(String user, TestOrganizations.Owner owner, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer(AccessTokens.ISSUER)
        .subject(user)
        .issueTime(Date.from(expires.minusSeconds(900)))
        .expirationTime(Date.from(expires))
        .claim("tenant", owner.tenant().toString())
        .claim("clinic", owner.clinic().toString())
        .build();
  }

  private static String sign(byte[] secret, String keyId, JWTClaimsSet claims) throws Exception {
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }
}
