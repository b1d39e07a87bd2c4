package io.carebook.identity.mfa;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.carebook.identity.sessions.AccessTokens;
import io.carebook.identity.sessions.SigningKeys;
import io.carebook.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Tokens for a user who must set up two-step sign-in before getting a real access token: signed
 * like {@link AccessTokens}, bound to no clinic, valid 10 minutes, and marked with a {@code
 * purpose} claim that {@link MfaGate} confines to {@code /api/v1/me/mfa}.
 */
@Component
class MfaEnrolmentTokens {

  static final String PURPOSE = "purpose";
  static final String MFA_ENROLMENT = "mfa-enrolment";
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private final SigningKeys keys;
  private final Clock clock;

  MfaEnrolmentTokens(SigningKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  String issue(UserId user, String name) {
    var now = clock.instant();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(AccessTokens.ISSUER)
            .subject(user.toString())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("name", name)
            .claim(PURPOSE, MFA_ENROLMENT)
            .build();
    var key = keys.signing();
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign an enrolment token", e);
    }
  }

  static boolean isOne(Jwt jwt) {
    return MFA_ENROLMENT.equals(jwt.getClaimAsString(PURPOSE));
  }
}
