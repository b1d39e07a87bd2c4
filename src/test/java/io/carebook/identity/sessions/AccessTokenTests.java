package io.carebook.identity.sessions;

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

  @Test
  void signingKeysAreStoredWrappedAndRotate() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var user = api.as(owner.token()).get("/api/v1/me").text("userId");
    var database = OwnerDatabase.jdbc(environment);

    var legacy = new byte[32];
    new java.security.SecureRandom().nextBytes(legacy);
    var legacyId = "legacy-" + java.util.UUID.randomUUID();
    database
        .sql(
            "insert into token_signing_keys (key_id, secret, created_at)"
                + " values (?, ?, now() - interval '1 day')")
        .params(legacyId, legacy)
        .update();
    keys.reload(); // as at startup: a key found in clear is wrapped
    assertThat(
            database
                .sql(
                    "select count(*) from token_signing_keys"
                        + " where secret is not null or secret_encrypted is null")
                .query(Long.class)
                .single())
        .as("no key is left in clear")
        .isZero();
    var stored =
        database
            .sql("select secret_encrypted from token_signing_keys where key_id = ?")
            .param(legacyId)
            .query(byte[].class)
            .single();
    assertThat(stored).hasSizeGreaterThan(legacy.length + 16);
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(legacy, java.nio.charset.StandardCharsets.ISO_8859_1));
    var signedByLegacy =
        sign(legacy, legacyId, claims(user, owner, Instant.now().plusSeconds(600)));
    assertThat(api.as(signedByLegacy).get("/api/v1/patients").status())
        .as("the wrapped key still verifies what it signed")
        .isEqualTo(200);

    var before = owner.token();
    var oldKey = keys.signing().getKeyID();
    var aMonthLater = Instant.now().plus(java.time.Duration.ofDays(31));
    keys.maintain(aMonthLater);
    assertThat(keys.signing().getKeyID()).as("a new key signs").isNotEqualTo(oldKey);
    assertThat(api.as(before).get("/api/v1/patients").status())
        .as("the superseded key verifies until its tokens have expired")
        .isEqualTo(200);

    keys.maintain(aMonthLater.plus(SigningKeys.VERIFIES_AFTER_SUPERSEDED).plusSeconds(1));
    assertThat(
            database
                .sql("select count(*) from token_signing_keys where key_id in (?, ?)")
                .params(oldKey, legacyId)
                .query(Long.class)
                .single())
        .as("retired keys are deleted")
        .isZero();
    assertThat(api.as(before).get("/api/v1/patients").status()).isEqualTo(401);
    assertThat(api.as(signedByLegacy).get("/api/v1/patients").status()).isEqualTo(401);
    var after = organizations.signIn(api, owner.email(), null);
    assertThat(api.as(after).get("/api/v1/patients").status()).isEqualTo(200);
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
