package io.carebook.identity.signin;

import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.accounts.Users;
import io.carebook.tenancy.TenantTransactions;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;

/**
 * Re-hashes a password with the current Argon2id parameters when its owner signs in and the stored
 * hash was made with weaker ones, so older accounts reach the current strength without a reset.
 */
public class StrongerHashes implements UserDetailsPasswordService {

  private final Users users;
  private final TenantTransactions tenants;

  public StrongerHashes(Users users, TenantTransactions tenants) {
    this.users = users;
    this.tenants = tenants;
  }

  @Override
  public UserDetails updatePassword(UserDetails details, String newHash) {
    if (!(details instanceof CarebookUser user)) {
      return details;
    }
    tenants.beforeTenant(() -> users.changePassword(user.id(), newHash));
    return new CarebookUser(user.id(), user.email(), user.displayName(), newHash, user.confirmed());
  }
}
