package io.carebook.identity.sessions;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.carebook.identity.Role;
import io.carebook.identity.members.Membership;
import io.carebook.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived API access tokens (JWT, HS256) carrying the user, the active clinic, its tenant and
 * the roles held there. Membership is still checked on every request, so a token outlives no
 * removal; and a token issued before its user last signed out everywhere or reset the password is
 * refused. Both are checked by {@code MemberContextFilter} from the one read it makes of the user
 * at the edge, not here, so that a request costs one statement for them.
 */
@Component
public class AccessTokens {

  static final Duration LIFETIME = Duration.ofMinutes(15);
  public static final String ISSUER = "carebook";

  /** The claim saying how the holder signed in (RFC 8176): with a second factor, "otp" is in it. */
  static final String METHODS = "amr";

  private final SigningKeys keys;
  private final Clock clock;
  private volatile @Nullable JwtDecoder decoder;

  AccessTokens(SigningKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  record Issued(String token, long expiresInSeconds) {}

  Issued issue(UserId user, String name, @Nullable Membership membership, boolean secondFactor) {
    var now = clock.instant();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.toString())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("name", name)
            .claim(METHODS, secondFactor ? List.of("pwd", "otp") : List.of("pwd"));
    if (membership != null) {
      claims
          .claim("tenant", membership.tenantId().toString())
          .claim("clinic", membership.clinicId().toString())
          .claim("roles", membership.roles().stream().map(Role::name).sorted().toList());
    }
    var key = keys.signing();
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
              claims.build());
      jwt.sign(new MACSigner(key));
      return new Issued(jwt.serialize(), LIFETIME.toSeconds());
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign an access token", e);
    }
  }

  /** Whether the holder of {@code token} signed in with a second factor. */
  static boolean signedInWithSecondFactor(Jwt token) {
    var methods = token.getClaimAsStringList(METHODS);
    return methods != null && methods.contains("otp");
  }

  /** Verifies signature, issuer and expiry. */
  public Jwt decode(String token) {
    var current = decoder;
    if (current == null) {
      var processor = new DefaultJWTProcessor<SecurityContext>();
      JWKSource<SecurityContext> source =
          (selector, context) -> {
            var matches = selector.select(keys.verifying());
            if (matches.isEmpty()) { // a key introduced by another instance since we loaded
              keys.reloadUnlessFresh();
              matches = selector.select(keys.verifying());
            }
            return matches;
          };
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, source));
      var nimbus = new NimbusJwtDecoder(processor);
      nimbus.setJwtValidator(
          JwtValidators.createDefaultWithIssuer(ISSUER)); // sign-out: MemberContextFilter
      current = nimbus;
      decoder = current;
    }
    return current.decode(token);
  }
}
