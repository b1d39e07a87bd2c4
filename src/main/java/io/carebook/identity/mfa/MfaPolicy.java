package io.carebook.identity.mfa;

import io.carebook.audit.AuditTrail;
import io.carebook.identity.Role;
import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.members.Membership;
import io.carebook.identity.members.Memberships;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the {@link MfaRequirement} to a user, and keeps each organization's choice of requiring a
 * second factor of everyone ({@code tenants.mfa_required_for_all}).
 */
@Service
public class MfaPolicy {

  private final JdbcClient jdbc;
  private final Memberships memberships;
  private final AuditTrail audit;
  private final TransactionTemplate readOnly;

  MfaPolicy(
      JdbcClient jdbc,
      Memberships memberships,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.memberships = memberships;
    this.audit = audit;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** Whether {@code user} must use a second factor, from their memberships in every clinic. */
  public boolean requires(UserId user) {
    return requires(memberships.of(user));
  }

  boolean requires(List<Membership> all) {
    var tenants = all.stream().map(m -> m.tenantId().value()).distinct().toArray(UUID[]::new);
    return MfaRequirement.applies(all, requiringAll(tenants));
  }

  /** Whether the current organization requires a second factor of all its members. */
  @Transactional(readOnly = true)
  public boolean requiredForAll() {
    return requiringAll(new UUID[] {TenantContext.tenant().value()})
        .contains(TenantContext.tenant());
  }

  /** An owner of the current organization requires (or stops requiring) MFA of everyone. */
  @Transactional
  public void requireForAll(boolean required) {
    var member = CurrentMember.current().orElseThrow();
    if (!member.holds(Role.OWNER)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Only an owner may change this organization's rule.");
    }
    jdbc.sql("update tenants set mfa_required_for_all = ? where id = ?")
        .params(required, TenantContext.tenant().value())
        .update();
    audit.security(
        AuditTrail.SecurityEvent.MFA_POLICY_CHANGED,
        member.userId().toString(),
        required ? "required of everyone" : "required of owners and doctors");
  }

  private Set<TenantId> requiringAll(UUID[] tenants) {
    if (tenants.length == 0) {
      return Set.of();
    }
    var found =
        readOnly.execute(
            s ->
                jdbc.sql("select id from tenants where id = any(?) and mfa_required_for_all")
                    .param(tenants)
                    .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                    .list());
    return new HashSet<>(found == null ? List.of() : found);
  }
}
