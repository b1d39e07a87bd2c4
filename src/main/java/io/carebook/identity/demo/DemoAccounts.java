package io.carebook.identity.demo;

import io.carebook.identity.DoctorProfiles;
import io.carebook.identity.Role;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.members.Memberships;
import io.carebook.identity.mfa.Authenticators;
import io.carebook.identity.mfa.Base32;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo organizations, their clinics and staff, and the logins printed at start. */
@Component
@ConditionalOnDemo
@Order(100)
class DemoAccounts implements DemoDataLoader {

  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final Locale ARABIC = Locale.forLanguageTag("ar");

  private final Organizations organizations;
  private final Memberships memberships;
  private final Users users;
  private final PasswordEncoder passwords;
  private final Authenticators authenticators;
  private final TenantTransactions tenants;
  private final DoctorProfiles doctors;

  DemoAccounts(
      DoctorProfiles doctors,
      Organizations organizations,
      Memberships memberships,
      Users users,
      PasswordEncoder passwords,
      Authenticators authenticators,
      TenantTransactions tenants) {
    this.organizations = organizations;
    this.memberships = memberships;
    this.users = users;
    this.passwords = passwords;
    this.authenticators = authenticators;
    this.tenants = tenants;
    this.doctors = doctors;
  }

  @Override
  public void load() {
    var hash = passwords.encode(DemoOrganization.DEMO_PASSWORD);
    var owner = user("owner@nile.demo", "د. هاني مصطفى", "ar", hash);
    var doctor = user("salma@nile.demo", "د. سلمى فتحي", "ar", hash);
    var reception = user("nour@nile.demo", "نور عادل", "ar", hash);
    var eyeDoctor = user("omar@zamalek.demo", "د. عمر الشريف", "en", hash);
    var solOwner = user("lucia@sol.demo", "Dra. Lucía Ramírez", "es", hash);
    // issue 19 (agents): a remote assistant, who answers the Nile clinics' inbox from home
    var remote = user("hala@nile.demo", "هالة سمير", "ar", hash);

    in(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        () -> {
          organizations.open(
              DemoOrganization.NILE,
              "Nile Family Clinics",
              DemoOrganization.NILE_DOKKI,
              new NewClinic("Nile Clinic — Dokki", CAIRO, ARABIC, "EGP", "EG"));
          organizations.addClinic(
              DemoOrganization.NILE_HELIOPOLIS,
              new NewClinic("Nile Clinic — Heliopolis", CAIRO, ARABIC, "EGP", "EG"));
          grant(DemoOrganization.NILE_DOKKI, owner, Role.OWNER, Role.DOCTOR);
          grant(DemoOrganization.NILE_HELIOPOLIS, owner, Role.OWNER, Role.DOCTOR);
          grant(DemoOrganization.NILE_DOKKI, doctor, Role.DOCTOR);
          grant(DemoOrganization.NILE_DOKKI, reception, Role.RECEPTIONIST);
          grant(DemoOrganization.NILE_HELIOPOLIS, reception, Role.RECEPTIONIST, Role.BILLING);
          grant(DemoOrganization.NILE_DOKKI, remote, Role.REMOTE_ASSISTANT);
          grant(DemoOrganization.NILE_HELIOPOLIS, remote, Role.REMOTE_ASSISTANT);
          profile(owner, "طب الأسرة", "EGY-48213", "400", "EGP", "العربية", "English");
          profile(doctor, "طب الأطفال", "EGY-55102", "350", "EGP", "العربية");
        });
    in(
        DemoOrganization.ZAMALEK,
        DemoOrganization.ZAMALEK_EYE,
        () -> {
          organizations.open(
              DemoOrganization.ZAMALEK,
              "Zamalek Eye Center",
              DemoOrganization.ZAMALEK_EYE,
              new NewClinic("Zamalek Eye Center", CAIRO, Locale.ENGLISH, "EGP", "EG"));
          grant(DemoOrganization.ZAMALEK_EYE, eyeDoctor, Role.OWNER, Role.DOCTOR);
          grant(DemoOrganization.ZAMALEK_EYE, reception, Role.RECEPTIONIST);
          profile(eyeDoctor, "Ophthalmology", "EGY-31877", "600", "EGP", "English", "العربية");
        });
    in(
        DemoOrganization.SOL,
        DemoOrganization.SOL_ROMA,
        () -> {
          organizations.open(
              DemoOrganization.SOL,
              "Consultorio Sol",
              DemoOrganization.SOL_ROMA,
              new NewClinic(
                  "Consultorio Sol — Roma Norte",
                  ZoneId.of("America/Mexico_City"),
                  Locale.forLanguageTag("es"),
                  "MXN",
                  "MX"));
          grant(DemoOrganization.SOL_ROMA, solOwner, Role.OWNER, Role.DOCTOR);
          profile(solOwner, "Medicina general", "CED-7781234", "650", "MXN", "español", "English");
        });
    log.info(
        """

        ─── Carebook demo ──────────────────────────────────────────────
        Sign in at http://localhost:8080 with password '{}':
          owner@nile.demo     owner and doctor, two Nile clinics (Arabic)
          salma@nile.demo     doctor at Nile Dokki
          nour@nile.demo      receptionist at Nile and at Zamalek Eye Center
          omar@zamalek.demo   owner of Zamalek Eye Center (English)
          lucia@sol.demo      owner of Consultorio Sol, Mexico City (Spanish)
          hala@nile.demo      remote assistant: the Nile clinics' inbox and calendar only
        Owners and doctors sign in in two steps: the current code is shown at
        http://localhost:8080/dev/authenticator, or add this invented secret to
        an authenticator app: {}
        ────────────────────────────────────────────────────────────────""",
        DemoOrganization.DEMO_PASSWORD,
        DemoAuthenticator.SECRET);
  }

  private UserId user(String email, String name, String locale, String hash) {
    var id = UserId.random();
    tenants.beforeTenant(
        () -> {
          users.create(id, email, name, hash, locale);
          users.confirmEmail(id);
          if (DemoAuthenticator.ACCOUNTS.contains(email)) {
            // enrolled already, so the demo shows the two-step sign-in the policy asks
            authenticators.begin(id, Base32.decode(DemoAuthenticator.SECRET));
            authenticators.confirm(id, 0);
          }
        });
    return id;
  }

  private void profile(
      UserId doctor,
      String specialty,
      String licence,
      String fee,
      String currency,
      String... languages) {
    doctors.write(
        new DoctorProfiles.Profile(
            doctor,
            "",
            specialty,
            licence,
            new java.math.BigDecimal(fee),
            currency,
            java.util.List.of(languages)));
  }

  private void grant(ClinicId clinic, UserId user, Role... roles) {
    var set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.List.of(roles));
    memberships.grant(clinic, user, set);
  }

  private void in(TenantId tenant, ClinicId clinic, Runnable work) {
    tenants.inClinic(tenant, clinic, work);
  }
}
