package io.carebook.identity.mfa;

import io.carebook.shared.UserId;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' TOTP authenticators. The secret is stored encrypted with the platform's data key and bound
 * to its user, so a copy of the table, or a secret moved to another user's row, reveals nothing.
 */
@Repository
public class Authenticators {

  static final String SECRET_FIELD = "totp_authenticators.secret";

  private final JdbcClient jdbc;
  private final Encryption encryption;

  Authenticators(JdbcClient jdbc, Encryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  /** A user's authenticator; confirmed once its first code was given. */
  record Authenticator(byte[] secret, boolean confirmed, long lastUsedStep) {}

  Optional<Authenticator> of(UserId user) {
    return jdbc.sql(
            "select secret, confirmed_at is not null, coalesce(last_used_step, -1)"
                + " from totp_authenticators where user_id = ?")
        .param(user.value())
        .query(
            (rs, n) ->
                new Authenticator(
                    encryption.decrypt(
                        KeyOwner.platform(), SECRET_FIELD, user.toString(), rs.getBytes(1)),
                    rs.getBoolean(2),
                    rs.getLong(3)))
        .optional();
  }

  boolean enrolled(UserId user) {
    return jdbc.sql(
            "select exists (select 1 from totp_authenticators"
                + " where user_id = ? and confirmed_at is not null)")
        .param(user.value())
        .query(Boolean.class)
        .single();
  }

  /** Starts an enrolment with a new secret, replacing one that was never confirmed. */
  public void begin(UserId user, byte[] secret) {
    jdbc.sql("delete from totp_authenticators where user_id = ? and confirmed_at is null")
        .param(user.value())
        .update();
    jdbc.sql("insert into totp_authenticators (user_id, secret) values (?, ?)")
        .params(
            user.value(),
            encryption.encrypt(KeyOwner.platform(), SECRET_FIELD, user.toString(), secret))
        .update();
  }

  /** Confirms a pending enrolment with the step of its first code. */
  public boolean confirm(UserId user, long step) {
    return jdbc.sql(
                "update totp_authenticators set confirmed_at = now(), last_used_step = ?"
                    + " where user_id = ? and confirmed_at is null")
            .params(step, user.value())
            .update()
        == 1;
  }

  /**
   * Records that the code of {@code step} was used; false when that step or a later one already
   * was, so two requests racing with the same code cannot both succeed.
   */
  boolean use(UserId user, long step) {
    return jdbc.sql(
                """
                update totp_authenticators set last_used_step = ?
                where user_id = ? and confirmed_at is not null
                  and (last_used_step is null or last_used_step < ?)""")
            .params(step, user.value(), step)
            .update()
        == 1;
  }

  void remove(UserId user) {
    jdbc.sql("delete from totp_authenticators where user_id = ?").param(user.value()).update();
  }
}
