package io.carebook.identity.signin;

import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.accounts.Users;
import io.carebook.tenancy.TenantContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-hashes a password with the current Argon2id parameters when its owner signs in and the stored
 * hash was made with weaker ones, so older accounts reach the current strength without a reset.
 */
public class StrongerHashes implements UserDetailsPasswordService {

  private final Users users;
  private final TransactionTemplate transaction;

  public StrongerHashes(Users users, PlatformTransactionManager transactions) {
    this.users = users;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public UserDetails updatePassword(UserDetails details, String newHash) {
    if (!(details instanceof CarebookUser user)) {
      return details;
    }
    TenantContext.run(
        TenantContext.Scope.anonymous(),
        () -> transaction.executeWithoutResult(s -> users.changePassword(user.id(), newHash)));
    return new CarebookUser(user.id(), user.email(), user.displayName(), newHash, user.confirmed());
  }
}
