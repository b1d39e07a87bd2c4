package io.carebook.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the form with the reason a person can act on. */
public class SignInFailures implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    var reason =
        switch (e) {
          case DisabledException d -> "unconfirmed";
          case SignInDefences.TooManySignIns t when t.rateLimited() -> "rate-limited";
          case LockedException l -> "locked";
          default -> "invalid";
        };
    response.sendRedirect(request.getContextPath() + "/signin?error=" + reason);
  }
}
