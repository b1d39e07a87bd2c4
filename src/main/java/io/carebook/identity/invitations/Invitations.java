package io.carebook.identity.invitations;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.InvitationSent;
import io.carebook.identity.Role;
import io.carebook.identity.accounts.PasswordPolicy;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.members.Memberships;
import io.carebook.identity.members.Seats;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building a clinic's team: an owner or manager invites a person by e-mail with roles; the person
 * accepts through a single-use link valid for 7 days, with a new account or the one they already
 * have, and lands in that clinic.
 */
@Service
public class Invitations {

  static final Duration VALIDITY = Duration.ofDays(7);

  private final Seals seals;
  private final JdbcClient jdbc;
  private final Users users;
  private final Memberships memberships;
  private final Organizations organizations;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final Clock clock;
  private final TenantTransactions tenants;
  private final Seats seats;

  Invitations(
      Seals seals,
      Seats seats,
      JdbcClient jdbc,
      Users users,
      Memberships memberships,
      Organizations organizations,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      AuditTrail audit,
      Clock clock,
      TenantTransactions tenants) {
    this.seals = seals;
    this.seats = seats;
    this.jdbc = jdbc;
    this.users = users;
    this.memberships = memberships;
    this.organizations = organizations;
    this.passwords = passwords;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
    this.tenants = tenants;
  }

  /** An invitation not yet accepted, as its list and its link show it. */
  public record Pending(
      UUID id,
      TenantId tenantId,
      ClinicId clinicId,
      String clinicName,
      String organizationName,
      String email,
      Set<Role> roles,
      Instant expiresAt,
      boolean accountExists) {}

  /**
   * Invites {@code email} to the active clinic with {@code roles}. Only an owner may hand out the
   * owner's or the manager's role.
   */
  @Transactional
  public UUID invite(String email, Set<Role> roles) {
    var inviter = CurrentMember.required();
    if (roles.isEmpty()) {
      throw ProblemException.invalid("roles", "choose at least one role");
    }
    if ((roles.contains(Role.OWNER) || roles.contains(Role.MANAGER))
        && !inviter.holds(Role.OWNER)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "Only an owner can make somebody an owner or manager.");
    }
    var clinic = organizations.activeClinic();
    seats.requireRoom(clinic.id(), null, roles);
    var id = UUID.randomUUID();
    var token = Secrets.randomToken();
    jdbc.sql(
            """
            insert into invitations (tenant_id, id, clinic_id, email, roles, invited_by, token_hash,
                                     expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)\
            """)
        .params(
            clinic.tenantId().value(),
            id,
            clinic.id().value(),
            email.trim(),
            roles.stream().map(Role::name).sorted().toArray(String[]::new),
            inviter.userId().value(),
            Secrets.sha256(token),
            Timestamp.from(clock.instant().plus(VALIDITY)))
        .update();
    events.publishEvent(
        new InvitationSent(
            clinic.tenantId(),
            clinic.id(),
            id,
            inviter.userId(),
            clinic.locale().getLanguage(),
            seals.forOrganization("invitation", "/invitations/accept?token=" + token)));
    return id;
  }

  /** The active clinic's invitations that are neither accepted, revoked nor expired. */
  @Transactional(readOnly = true)
  public List<Pending> pendingHere() {
    return jdbc.sql(
            """
            select i.*, c.name as clinic_name from invitations i
            join clinics c on c.tenant_id = i.tenant_id and c.id = i.clinic_id
            where i.clinic_id = ? and i.accepted_at is null and i.revoked_at is null
              and i.expires_at > ?
            order by i.created_at desc\
            """)
        .params(TenantContext.clinic().value(), Timestamp.from(clock.instant()))
        .query((rs, n) -> pending(rs, "", false))
        .list();
  }

  @Transactional
  public void revoke(UUID invitation) {
    var revoked =
        jdbc.sql(
                "update invitations set revoked_at = ? where id = ? and clinic_id = ?"
                    + " and accepted_at is null and revoked_at is null")
            .params(Timestamp.from(clock.instant()), invitation, TenantContext.clinic().value())
            .update();
    if (revoked == 0) {
      throw new NotFoundException("Invitation");
    }
  }

  /** The invitation behind a link, or empty when it is unknown, used, revoked or expired. */
  public java.util.Optional<Pending> byToken(String token) {
    return route(token).map(r -> tenants.asVisitor(r.tenant(), null, () -> read(r.invitation())));
  }

  /**
   * Accepts an invitation. With no account for the invited e-mail, one is created with {@code name}
   * and {@code password} (the link proves the mailbox, so it is confirmed). With an account, the
   * person must be signed in as it (the web session or an access token, both won through the
   * sign-in defences): the link alone never stands in for its password, and no password is checked
   * here. Either way the person joins the clinic.
   */
  public void accept(
      String token, @Nullable String name, @Nullable String password, String locale) {
    var invitation = byToken(token).orElseThrow(Invitations::invalidLink);
    var user =
        invitation.accountExists()
            ? signedInAsInvited(invitation)
            : newAccount(invitation, name, password, locale);
    var asTheNewMember =
        TenantContext.Scope.member(invitation.tenantId(), invitation.clinicId(), user);
    tenants.as(
        asTheNewMember,
        () -> {
          var accepted =
              jdbc.sql(
                      "update invitations set accepted_at = ?, accepted_by = ? where id = ?"
                          + " and accepted_at is null and revoked_at is null")
                  .params(Timestamp.from(clock.instant()), user.value(), invitation.id())
                  .update();
          if (accepted == 0) {
            throw invalidLink();
          }
          memberships.grant(invitation.clinicId(), user, invitation.roles());
          audit.security(
              SecurityEvent.INVITATION_ACCEPTED, user.toString(), invitation.id().toString());
          return null;
        });
  }

  /** The e-mail of the account this request is signed in as, if any. */
  public java.util.Optional<String> signedInEmail() {
    return CurrentMember.current()
        .flatMap(member -> tenants.beforeTenant(() -> users.byId(member.userId())))
        .map(Users.Account::email);
  }

  private UserId signedInAsInvited(Pending invitation) {
    var member =
        CurrentMember.current()
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.UNAUTHORIZED,
                        "sign-in-required",
                        "The invited e-mail already has a Carebook account: sign in as it, then"
                            + " accept the invitation while signed in."));
    return tenants
        .beforeTenant(() -> users.byId(member.userId()))
        .filter(account -> account.email().equalsIgnoreCase(invitation.email()))
        .map(Users.Account::id)
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "wrong-account",
                    "This invitation is for another account: sign in as the invited e-mail."));
  }

  private UserId newAccount(
      Pending invitation, @Nullable String name, @Nullable String password, String locale) {
    if (name == null || name.isBlank()) {
      throw ProblemException.invalid("name", "is required");
    }
    if (password == null || PasswordPolicy.tooWeak(password)) {
      throw ProblemException.invalid("password", PasswordPolicy.RULE);
    }
    var id = UserId.random();
    var hash = passwords.encode(password);
    tenants.beforeTenant(
        () -> {
          users.create(
              id,
              invitation.email(),
              name.trim(),
              hash,
              locale.matches("en|es|ar") ? locale : "en");
          users.confirmEmail(id);
          return null;
        });
    return id;
  }

  private Pending read(UUID invitation) {
    var pending =
        jdbc.sql(
                """
                select i.*, c.name as clinic_name, t.name as organization_name from invitations i
                join clinics c on c.tenant_id = i.tenant_id and c.id = i.clinic_id
                join tenants t on t.id = i.tenant_id
                where i.id = ?\
                """)
            .param(invitation)
            .query((rs, n) -> pending(rs, rs.getString("organization_name"), false))
            .single();
    var exists = users.emailTaken(pending.email());
    return new Pending(
        pending.id(),
        pending.tenantId(),
        pending.clinicId(),
        pending.clinicName(),
        pending.organizationName(),
        pending.email(),
        pending.roles(),
        pending.expiresAt(),
        exists);
  }

  private record Route(TenantId tenant, UUID invitation) {}

  private java.util.Optional<Route> route(String token) {
    return tenants.beforeTenant(
        () ->
            jdbc.sql("select * from invitation_by_token(?)")
                .param(Secrets.sha256(token))
                .query(
                    (rs, n) ->
                        new Route(
                            new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .optional());
  }

  private static Pending pending(java.sql.ResultSet rs, String organization, boolean exists)
      throws SQLException {
    return new Pending(
        rs.getObject("id", UUID.class),
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getString("clinic_name"),
        organization,
        rs.getString("email"),
        roles(rs.getArray("roles")),
        rs.getTimestamp("expires_at").toInstant(),
        exists);
  }

  private static Set<Role> roles(Array array) throws SQLException {
    var roles = EnumSet.noneOf(Role.class);
    Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
    return roles;
  }

  private static ProblemException invalidLink() {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "invalid-token",
        "This invitation link is invalid, expired, revoked or already used.");
  }
}
