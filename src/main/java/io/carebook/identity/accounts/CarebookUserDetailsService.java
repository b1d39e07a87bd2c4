package io.carebook.identity.accounts;

import io.carebook.tenancy.TenantContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Component
public class CarebookUserDetailsService implements UserDetailsService {

  private final Users users;
  private final TransactionTemplate readOnly;

  CarebookUserDetailsService(Users users, PlatformTransactionManager transactions) {
    this.users = users;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    var account =
        TenantContext.call(
            TenantContext.Scope.anonymous(),
            () -> readOnly.execute(s -> users.byEmail(email.trim())));
    return account
        .map(
            a ->
                new CarebookUser(
                    a.id(), a.email(), a.displayName(), a.passwordHash(), a.confirmed()))
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }
}
