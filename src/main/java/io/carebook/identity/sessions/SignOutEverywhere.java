package io.carebook.identity.sessions;

import io.carebook.audit.AuditTrail;
import io.carebook.identity.accounts.Users;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantTransactions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/** A person's web sessions on every app instance, and ending them all at once. */
@Service
public class SignOutEverywhere {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TenantTransactions tenants;
  private final Users users;

  SignOutEverywhere(
      FindByIndexNameSessionRepository<? extends Session> sessions,
      JdbcClient jdbc,
      AuditTrail audit,
      TenantTransactions tenants,
      Users users) {
    this.users = users;
    this.sessions = sessions;
    this.jdbc = jdbc;
    this.audit = audit;
    this.tenants = tenants;
  }

  /** One web session, as its owner sees it. */
  public record WebSession(
      Instant signedIn,
      Instant lastSeen,
      @Nullable String from,
      @Nullable String client,
      boolean current) {}

  /** The signed-in person's sessions, the current one first. */
  public List<WebSession> of(String currentSessionId) {
    var name = SecurityContextHolder.getContext().getAuthentication().getName();
    return sessions.findByPrincipalName(name).values().stream()
        .map(
            s ->
                new WebSession(
                    s.getCreationTime(),
                    s.getLastAccessedTime(),
                    s.getAttribute(SignInSuccess.FROM),
                    s.getAttribute(SignInSuccess.CLIENT),
                    s.getId().equals(currentSessionId)))
        .sorted(
            Comparator.comparing(WebSession::current)
                .reversed()
                .thenComparing(WebSession::lastSeen, Comparator.reverseOrder()))
        .toList();
  }

  /**
   * Ends every web session of the person, revokes every refresh token they hold, and voids the
   * access tokens issued until now.
   */
  public void signOutEverywhere(UserId user) {
    endWebSessions(SecurityContextHolder.getContext().getAuthentication().getName());
    tenants.beforeTenant(
        () -> {
          users.signOutEverywhere(user);
          jdbc.sql(
                  "update refresh_tokens set revoked_at = now() where user_id = ? and revoked_at is null")
              .param(user.value())
              .update();
          audit.security(AuditTrail.SecurityEvent.SIGNED_OUT, user.toString(), "everywhere");
        });
  }

  /**
   * Ends every web session signed in as {@code principalName} (the account's e-mail), on every app
   * instance: the sessions are rows in PostgreSQL, so the next request of each finds none.
   */
  public void endWebSessions(String principalName) {
    sessions.findByPrincipalName(principalName).keySet().forEach(sessions::deleteById);
  }
}
