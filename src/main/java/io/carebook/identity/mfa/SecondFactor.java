package io.carebook.identity.mfa;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.shared.UserId;
import io.carebook.shared.web.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a second factor: a 6-digit code from the user's authenticator, or one of their recovery
 * codes. Every attempt counts against a per-user limit; every failure and every recovery code used
 * is a security event. Each check commits on its own, so a refusal that follows still leaves its
 * trace.
 */
@Service
public class SecondFactor {

  /** At most this many codes per user and quarter-hour: a 6-digit code is not guessed. */
  static final RateLimits.Limit ATTEMPTS =
      new RateLimits.Limit("mfa-code-user", 10, Duration.ofMinutes(15));

  /** What a code was. */
  public enum Kind {
    AUTHENTICATOR,
    RECOVERY_CODE
  }

  private final Authenticators authenticators;
  private final RecoveryCodes recoveryCodes;
  private final RateLimits limits;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transaction;

  SecondFactor(
      Authenticators authenticators,
      RecoveryCodes recoveryCodes,
      RateLimits limits,
      AuditTrail audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.authenticators = authenticators;
    this.recoveryCodes = recoveryCodes;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Whether {@code user} has a confirmed authenticator, and so must give a code to sign in. */
  public boolean enrolled(UserId user) {
    return Boolean.TRUE.equals(transaction.execute(s -> authenticators.enrolled(user)));
  }

  /** Uses up {@code code} if it is valid for {@code user}: empty when it is not. */
  public Optional<Kind> verify(UserId user, @Nullable String code) {
    limits.consume(ATTEMPTS, user.toString());
    var typed = code == null ? "" : code.strip();
    var kind =
        Objects.requireNonNull(
            transaction.execute(
                s -> {
                  if (RecoveryCodes.looksLikeOne(typed)) {
                    return recoveryCode(user, typed);
                  }
                  return authenticatorCode(user, typed.replaceAll("\\s", ""));
                }));
    if (kind.isEmpty()) {
      audit.security(SecurityEvent.MFA_FAILED, user.toString(), "wrong, expired or reused code");
    }
    return kind;
  }

  private Optional<Kind> authenticatorCode(UserId user, String code) {
    if (!code.matches("\\d{" + Totp.DIGITS + "}")) {
      return Optional.empty();
    }
    return authenticators
        .of(user)
        .filter(Authenticators.Authenticator::confirmed)
        .flatMap(
            a -> {
              var step = Totp.matchingStep(a.secret(), code, clock.instant(), a.lastUsedStep());
              return step.isPresent() && authenticators.use(user, step.getAsLong())
                  ? Optional.of(Kind.AUTHENTICATOR)
                  : Optional.empty();
            });
  }

  private Optional<Kind> recoveryCode(UserId user, String code) {
    if (!authenticators.enrolled(user) || !recoveryCodes.use(user, code)) {
      return Optional.empty();
    }
    audit.security(
        SecurityEvent.RECOVERY_CODE_USED,
        user.toString(),
        recoveryCodes.remaining(user) + " recovery codes left");
    return Optional.of(Kind.RECOVERY_CODE);
  }
}
