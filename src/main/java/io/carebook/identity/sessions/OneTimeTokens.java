package io.carebook.identity.sessions;

import io.carebook.shared.Secrets;
import io.carebook.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring tokens sent in links. Only a SHA-256 of each token is stored, so a copy of
 * the database cannot be used to confirm or reset anybody's account.
 */
@Repository
public class OneTimeTokens {

  public enum Purpose {
    EMAIL_CONFIRMATION,
    PASSWORD_RESET,
    SIGN_IN_LINK
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  OneTimeTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Issues a token and returns it in clear, once. */
  public String issue(Purpose purpose, UserId user, Duration validFor) {
    var token = Secrets.randomToken();
    jdbc.sql(
            "insert into one_time_tokens (token_hash, purpose, user_id, expires_at)"
                + " values (?, ?, ?, ?)")
        .params(
            Secrets.sha256(token),
            purpose.name(),
            user.value(),
            Timestamp.from(clock.instant().plus(validFor)))
        .update();
    return token;
  }

  /** Uses a token up; empty when it is unknown, expired, already used or for another purpose. */
  public Optional<UserId> redeem(Purpose purpose, String token) {
    return jdbc.sql(
            """
            update one_time_tokens set used_at = now()
            where token_hash = ? and purpose = ? and used_at is null and expires_at > ?
            returning user_id""")
        .params(Secrets.sha256(token), purpose.name(), Timestamp.from(clock.instant()))
        .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /** Uses up every outstanding token of {@code user} for {@code purpose}, so none works later. */
  public void revokeAll(Purpose purpose, UserId user) {
    jdbc.sql(
            "update one_time_tokens set used_at = ?"
                + " where user_id = ? and purpose = ? and used_at is null")
        .params(Timestamp.from(clock.instant()), user.value(), purpose.name())
        .update();
  }
}
