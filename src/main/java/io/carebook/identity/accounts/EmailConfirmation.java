package io.carebook.identity.accounts;

import io.carebook.audit.AuditTrail;
import io.carebook.identity.sessions.OneTimeTokens;
import io.carebook.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirms an account's e-mail address from the single-use link that was sent to it, and returns
 * the account, which may go on signed in ({@link SignInLinks#afterConfirmation}).
 */
@Service
public class EmailConfirmation {

  private final OneTimeTokens tokens;
  private final Users users;
  private final AuditTrail audit;

  EmailConfirmation(OneTimeTokens tokens, Users users, AuditTrail audit) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
  }

  @Transactional
  public io.carebook.shared.UserId confirm(String token) {
    var user =
        tokens
            .redeem(OneTimeTokens.Purpose.EMAIL_CONFIRMATION, token)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-token",
                        "This confirmation link is invalid, expired or already used."));
    users.confirmEmail(user);
    audit.security(AuditTrail.SecurityEvent.EMAIL_CONFIRMED, user.toString(), null);
    return user;
  }
}
