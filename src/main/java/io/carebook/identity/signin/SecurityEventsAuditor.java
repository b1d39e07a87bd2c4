package io.carebook.identity.signin;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.accounts.Users;
import io.carebook.tenancy.TenantTransactions;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failed sign-ins and sign-outs in the platform's audit trail: no tenant is known
 * at that moment. A failure names the account when it exists, never the typed password.
 */
@Component
class SecurityEventsAuditor {

  private final AuditTrail audit;
  private final Users users;
  private final TenantTransactions tenants;

  SecurityEventsAuditor(AuditTrail audit, Users users, TenantTransactions tenants) {
    this.audit = audit;
    this.users = users;
    this.tenants = tenants;
  }

  @EventListener
  void on(AuthenticationSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof CarebookUser user) {
      platform(SecurityEvent.SIGN_IN_SUCCEEDED, user.id().toString(), null);
    }
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent event) {
    var typed = String.valueOf(event.getAuthentication().getPrincipal());
    var reason = event.getException().getClass().getSimpleName();
    tenants.beforeTenant(
        () -> {
          var account = users.byEmail(typed.trim());
          audit.security(
              SecurityEvent.SIGN_IN_FAILED,
              account.map(a -> a.id().toString()).orElse(null),
              account.isPresent() ? reason : reason + ": no such account");
        });
  }

  @EventListener
  void on(LogoutSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof CarebookUser user) {
      platform(SecurityEvent.SIGNED_OUT, user.id().toString(), null);
    }
  }

  private void platform(SecurityEvent event, String subject, String detail) {
    tenants.beforeTenant(() -> audit.security(event, subject, detail));
  }
}
