package io.carebook.identity.mfa;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.accounts.Users;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.web.RateLimits;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's own two-step sign-in: setting up an authenticator app (a secret shown as a QR code and
 * as text, then a first code to confirm it), recovery codes shown once, and turning it off. Turning
 * it off or renewing the recovery codes needs a current code.
 */
@Service
public class MfaEnrolment {

  static final String ISSUER = "Carebook";

  private final Authenticators authenticators;
  private final RecoveryCodes recoveryCodes;
  private final SecondFactor secondFactor;
  private final MfaPolicy policy;
  private final Users users;
  private final RateLimits limits;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transaction;

  MfaEnrolment(
      Authenticators authenticators,
      RecoveryCodes recoveryCodes,
      SecondFactor secondFactor,
      MfaPolicy policy,
      Users users,
      RateLimits limits,
      AuditTrail audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.authenticators = authenticators;
    this.recoveryCodes = recoveryCodes;
    this.secondFactor = secondFactor;
    this.policy = policy;
    this.users = users;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Where a user stands. */
  public record Status(boolean enrolled, boolean required, int recoveryCodesLeft) {}

  /** What an authenticator app needs: the secret in base32, and the same as a URI for a QR. */
  public record Setup(String secret, String otpauthUri) {}

  public Status status(UserId user) {
    var enrolled = secondFactor.enrolled(user);
    var left = enrolled ? inTransaction(() -> recoveryCodes.remaining(user)) : 0;
    return new Status(enrolled, policy.requires(user), left);
  }

  /**
   * Starts (or shows again) the set-up of an authenticator: the same secret until it is confirmed,
   * so a page reloaded after scanning still matches the app.
   */
  public Setup start(UserId user) {
    return inTransaction(
        () -> {
          var existing = authenticators.of(user);
          if (existing.isPresent() && existing.get().confirmed()) {
            throw new ProblemException(
                HttpStatus.CONFLICT,
                "mfa-already-enabled",
                "Two-step sign-in is already on; turn it off first to set up another device.");
          }
          var secret =
              existing.map(Authenticators.Authenticator::secret).orElseGet(Totp::newSecret);
          if (existing.isEmpty()) {
            authenticators.begin(user, secret);
          }
          var email = users.byId(user).orElseThrow().email();
          return new Setup(Base32.encode(secret), otpauthUri(email, Base32.encode(secret)));
        });
  }

  /** Confirms the set-up with a first code from the app; returns the recovery codes, once. */
  public List<String> confirm(UserId user, @Nullable String code) {
    limits.consume(SecondFactor.ATTEMPTS, user.toString());
    var codes =
        inTransaction(
            () -> {
              var pending = authenticators.of(user).filter(a -> !a.confirmed());
              var step =
                  pending.flatMap(
                      a ->
                          Totp.matchingStep(
                                  a.secret(), digits(code), clock.instant(), Long.MIN_VALUE)
                              .stream()
                              .boxed()
                              .findFirst());
              if (step.isEmpty() || !authenticators.confirm(user, step.get())) {
                return List.<String>of();
              }
              audit.security(SecurityEvent.MFA_ENABLED, user.toString(), null);
              return recoveryCodes.replace(user);
            });
    if (codes.isEmpty()) {
      audit.security(SecurityEvent.MFA_FAILED, user.toString(), "set-up not confirmed");
      throw invalidCode();
    }
    return codes;
  }

  /** New recovery codes in place of the old ones, for a current code. */
  public List<String> renewRecoveryCodes(UserId user, @Nullable String code) {
    requireCode(user, code);
    return inTransaction(
        () -> {
          audit.security(SecurityEvent.RECOVERY_CODES_REGENERATED, user.toString(), null);
          return recoveryCodes.replace(user);
        });
  }

  /**
   * Turns two-step sign-in off, for a current code (or a recovery code: the way to move to a new
   * phone after losing the old one). Whoever must use it is asked to set it up again at once.
   */
  public void disable(UserId user, @Nullable String code) {
    requireCode(user, code);
    inTransaction(
        () -> {
          authenticators.remove(user);
          recoveryCodes.removeAll(user);
          audit.security(SecurityEvent.MFA_DISABLED, user.toString(), null);
          return true;
        });
  }

  private void requireCode(UserId user, @Nullable String code) {
    if (secondFactor.verify(user, code).isEmpty()) {
      throw invalidCode();
    }
  }

  public static String otpauthUri(String email, String secret) {
    var label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label.replace("%3A", ":")
        + "?secret="
        + secret
        + "&issuer="
        + ISSUER
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP_SECONDS;
  }

  private static String digits(@Nullable String code) {
    return code == null ? "" : code.replaceAll("\\s", "");
  }

  static ProblemException invalidCode() {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "invalid-code",
        "The code is wrong, expired or already used; enter the current code from the app.");
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return Objects.requireNonNull(transaction.execute(s -> work.get()));
  }
}
