package io.carebook.identity;

import io.carebook.identity.accounts.Users;
import io.carebook.shared.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an account's messages go, looked up by id: events about accounts carry ids, not addresses,
 * so the event publication registry stores no e-mail address.
 */
@Component
public class AccountAddresses {

  private final Users users;
  private final JdbcClient jdbc;

  AccountAddresses(Users users, JdbcClient jdbc) {
    this.users = users;
    this.jdbc = jdbc;
  }

  /** An account's address, name and language. */
  public record Address(UserId userId, String email, String displayName, String locale) {}

  @Transactional(readOnly = true)
  public Optional<Address> of(UserId user) {
    return users.byId(user).map(a -> new Address(a.id(), a.email(), a.displayName(), a.locale()));
  }

  /** The address an invitation of the organization in context was sent to. */
  @Transactional(readOnly = true)
  public Optional<String> invitee(UUID invitation) {
    return jdbc.sql("select email from invitations where id = ?")
        .param(invitation)
        .query(String.class)
        .optional();
  }
}
