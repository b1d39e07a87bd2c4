package io.carebook.identity.signin;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.CarebookUser;
import io.carebook.identity.Users;
import io.carebook.tenancy.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records sign-ins, failed sign-ins and sign-outs in the platform's audit trail: no tenant is known
 * at that moment. A failure names the account when it exists, never the typed password.
 */
@Component
class SecurityEventsAuditor {

  private final AuditTrail audit;
  private final Users users;
  private final TransactionTemplate transaction;

  SecurityEventsAuditor(AuditTrail audit, Users users, PlatformTransactionManager transactions) {
    this.audit = audit;
    this.users = users;
    this.transaction = new TransactionTemplate(transactions);
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
    TenantContext.run(
        TenantContext.Scope.anonymous(),
        () ->
            transaction.executeWithoutResult(
                s -> {
                  var account = users.byEmail(typed.trim());
                  audit.security(
                      SecurityEvent.SIGN_IN_FAILED,
                      account.map(a -> a.id().toString()).orElse(null),
                      account.isPresent() ? reason : reason + ": no such account");
                }));
  }

  @EventListener
  void on(LogoutSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof CarebookUser user) {
      platform(SecurityEvent.SIGNED_OUT, user.id().toString(), null);
    }
  }

  private void platform(SecurityEvent event, String subject, String detail) {
    TenantContext.run(
        TenantContext.Scope.anonymous(),
        () -> transaction.executeWithoutResult(s -> audit.security(event, subject, detail)));
  }
}
