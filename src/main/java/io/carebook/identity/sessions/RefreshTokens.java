package io.carebook.identity.sessions;

import io.carebook.shared.ClinicId;
import io.carebook.shared.Secrets;
import io.carebook.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rotating refresh tokens. Each is single-use: using it returns a new one of the same family. A
 * used token presented again can only be a stolen copy (or a replay by its thief), so the whole
 * family is revoked and both holders must sign in again. Only hashes are stored. A family remembers
 * whether it began with a second factor, so that a refresh can re-check the MFA policy.
 */
@Repository
class RefreshTokens {

  static final Duration LIFETIME = Duration.ofDays(30);
  private final JdbcClient jdbc;
  private final Clock clock;

  RefreshTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What presenting a refresh token meant. */
  sealed interface Redemption {
    /** A valid token, now used up. */
    record Valid(UUID family, UserId user, @Nullable ClinicId clinic, boolean secondFactor)
        implements Redemption {}

    /** A token that had been used before: its family is now revoked. */
    record Reused(UUID family, UserId user) implements Redemption {}

    /** Unknown, expired or revoked. */
    record Invalid() implements Redemption {}
  }

  String issue(UUID family, UserId user, @Nullable ClinicId clinic, boolean secondFactor) {
    var token = Secrets.randomToken();
    jdbc.sql(
            "insert into refresh_tokens"
                + " (token_hash, family_id, user_id, clinic_id, second_factor, expires_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            Secrets.sha256(token),
            family,
            user.value(),
            clinic == null ? null : clinic.value(),
            secondFactor,
            Timestamp.from(clock.instant().plus(LIFETIME)))
        .update();
    return token;
  }

  Redemption redeem(String token) {
    var now = Timestamp.from(clock.instant());
    var valid =
        jdbc.sql(
                """
                update refresh_tokens set used_at = ?
                where token_hash = ? and used_at is null and revoked_at is null and expires_at > ?
                returning family_id, user_id, clinic_id, second_factor""")
            .params(now, Secrets.sha256(token), now)
            .query(
                (rs, n) ->
                    (Redemption)
                        new Redemption.Valid(
                            rs.getObject(1, UUID.class),
                            new UserId(rs.getObject(2, UUID.class)),
                            rs.getObject(3, UUID.class) == null
                                ? null
                                : new ClinicId(rs.getObject(3, UUID.class)),
                            rs.getBoolean(4)))
            .optional();
    if (valid.isPresent()) {
      return valid.get();
    }
    var reused =
        jdbc.sql(
                "select family_id, user_id from refresh_tokens where token_hash = ? and used_at is not null")
            .param(Secrets.sha256(token))
            .query(
                (rs, n) ->
                    new Redemption.Reused(
                        rs.getObject(1, UUID.class), new UserId(rs.getObject(2, UUID.class))))
            .optional();
    reused.ifPresent(r -> revokeFamily(r.family()));
    return reused.<Redemption>map(r -> r).orElseGet(Redemption.Invalid::new);
  }

  void revokeFamily(UUID family) {
    jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
        .params(Timestamp.from(clock.instant()), family)
        .update();
  }
}
