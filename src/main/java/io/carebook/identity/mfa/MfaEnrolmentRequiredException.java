package io.carebook.identity.mfa;

import io.carebook.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Sign-in through the API refused because the user must set up two-step sign-in first. Carries a
 * short-lived token that may call nothing but {@code /api/v1/me/mfa}, so an app can enrol the user
 * without a browser.
 */
public class MfaEnrolmentRequiredException extends ProblemException {

  private final String enrolmentToken;

  MfaEnrolmentRequiredException(String enrolmentToken) {
    super(
        HttpStatus.UNAUTHORIZED,
        "mfa-enrolment-required",
        "Your role requires two-step sign-in. Set it up at /account/mfa, or through"
            + " /api/v1/me/mfa with the enrolmentToken of this answer, then sign in with a code.");
    this.enrolmentToken = enrolmentToken;
  }

  public String enrolmentToken() {
    return enrolmentToken;
  }
}
