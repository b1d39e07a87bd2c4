package io.carebook.identity;

import io.carebook.identity.accounts.PasswordPolicy;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.members.Memberships;
import io.carebook.identity.sessions.OneTimeTokens;
import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Regions;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Opens an organization: its first clinic (whose 14-day trial starts now), the owner's account and
 * membership, all in one transaction, and asks for the owner's e-mail to be confirmed.
 */
@Service
public class SignUp {

  static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(2);

  private final Seals seals;
  private final Users users;
  private final Memberships memberships;
  private final Organizations organizations;
  private final OneTimeTokens tokens;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final TenantTransactions tenants;

  SignUp(
      Seals seals,
      Users users,
      Memberships memberships,
      Organizations organizations,
      OneTimeTokens tokens,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      TenantTransactions tenants) {
    this.seals = seals;
    this.users = users;
    this.memberships = memberships;
    this.organizations = organizations;
    this.tokens = tokens;
    this.passwords = passwords;
    this.events = events;
    this.tenants = tenants;
  }

  /** The ids of what a sign-up created. */
  public record Opened(TenantId tenantId, ClinicId clinicId, UserId ownerId) {}

  public Opened open(SignUpForm form) {
    var clinic = validClinic(form);
    var hash = passwords.encode(form.password());
    var opened = new Opened(TenantId.random(), ClinicId.random(), UserId.random());
    var scope = TenantContext.Scope.member(opened.tenantId(), opened.clinicId(), opened.ownerId());
    tenants.as(scope, () -> create(form, clinic, hash, opened));
    return opened;
  }

  private void create(SignUpForm form, NewClinic clinic, String hash, Opened opened) {
    var email = form.email().trim();
    if (users.emailTaken(email)) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "email-taken",
          "An account with this e-mail already exists; sign in and add a clinic instead.");
    }
    users.create(opened.ownerId(), email, form.ownerName().trim(), hash, form.localeOrDefault());
    organizations.open(opened.tenantId(), form.organizationName(), opened.clinicId(), clinic);
    var roles = EnumSet.of(Role.OWNER);
    if (form.ownerIsDoctor()) {
      roles.add(Role.DOCTOR);
    }
    memberships.grant(opened.clinicId(), opened.ownerId(), roles);
    var token =
        tokens.issue(
            OneTimeTokens.Purpose.EMAIL_CONFIRMATION, opened.ownerId(), CONFIRMATION_VALIDITY);
    events.publishEvent(
        new EmailConfirmationRequested(
            opened.tenantId(),
            opened.ownerId(),
            form.localeOrDefault(),
            seals.forPlatform("email-confirmation", "/confirm-email?token=" + token)));
  }

  private static NewClinic validClinic(SignUpForm form) {
    var placed = Regions.place(form.country(), form.timezone(), form.currency());
    if (PasswordPolicy.tooWeak(form.password())) {
      throw ProblemException.invalid("password", PasswordPolicy.RULE);
    }
    return new NewClinic(
        form.clinicName(),
        placed.zone(),
        Locale.forLanguageTag(form.localeOrDefault()),
        placed.currency(),
        placed.country());
  }
}
