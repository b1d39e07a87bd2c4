package io.carebook.identity.accounts;

import io.carebook.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The global user accounts. */
@Repository
public class Users {

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Account(
      UserId id,
      String email,
      String displayName,
      String passwordHash,
      String locale,
      boolean confirmed) {}

  public void create(
      UserId id, String email, String displayName, String passwordHash, String locale) {
    jdbc.sql(
            "insert into users (id, email, display_name, password_hash, preferred_locale)"
                + " values (?, ?, ?, ?, ?)")
        .params(id.value(), email, displayName, passwordHash, locale)
        .update();
  }

  public boolean emailTaken(String email) {
    return jdbc.sql("select exists (select 1 from users where lower(email) = lower(?))")
        .param(email)
        .query(Boolean.class)
        .single();
  }

  public Optional<Account> byEmail(String email) {
    return jdbc.sql("select * from users where lower(email) = lower(?)")
        .param(email)
        .query(Users::account)
        .optional();
  }

  public Optional<Account> byId(UserId id) {
    return jdbc.sql("select * from users where id = ?")
        .param(id.value())
        .query(Users::account)
        .optional();
  }

  public void changePassword(UserId id, String passwordHash) {
    jdbc.sql("update users set password_hash = ? where id = ?")
        .params(passwordHash, id.value())
        .update();
  }

  public void confirmEmail(UserId id) {
    jdbc.sql(
            "update users set email_confirmed_at = now() where id = ? and email_confirmed_at is"
                + " null")
        .param(id.value())
        .update();
  }

  /** Ends every access token of the user issued until now (see {@link #signedOutAt}). */
  public void signOutEverywhere(UserId id) {
    jdbc.sql("update users set signed_out_at = now() where id = ?").param(id.value()).update();
  }

  /** When the user last signed out everywhere or reset the password, if ever. */
  public Optional<Instant> signedOutAt(UserId id) {
    return jdbc.sql("select signed_out_at from users where id = ?")
        .param(id.value())
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
        .optional()
        .flatMap(at -> at);
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        new UserId(rs.getObject("id", UUID.class)),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        rs.getString("preferred_locale"),
        rs.getTimestamp("email_confirmed_at") != null);
  }
}
