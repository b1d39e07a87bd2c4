package io.carebook.identity.accounts;

import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
public class CarebookUserDetailsService implements UserDetailsService {

  private final Users users;
  private final TenantTransactions tenants;

  CarebookUserDetailsService(Users users, TenantTransactions tenants) {
    this.users = users;
    this.tenants = tenants;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    var account =
        tenants.readOnly(TenantContext.Scope.anonymous(), () -> users.byEmail(email.trim()));
    return account
        .map(
            a ->
                new CarebookUser(
                    a.id(), a.email(), a.displayName(), a.passwordHash(), a.confirmed()))
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }
}
