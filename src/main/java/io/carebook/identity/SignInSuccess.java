package io.carebook.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

/** Remembers where a web session signed in from, for the list of one's sessions. */
class SignInSuccess extends SimpleUrlAuthenticationSuccessHandler {

  static final String FROM = "carebook.signedInFrom";
  static final String CLIENT = "carebook.signedInClient";

  SignInSuccess() {
    super("/");
    setAlwaysUseDefaultTargetUrl(true);
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    var session = request.getSession();
    session.setAttribute(FROM, request.getRemoteAddr());
    var agent = request.getHeader("User-Agent");
    session.setAttribute(
        CLIENT, agent == null ? "" : agent.substring(0, Math.min(agent.length(), 200)));
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
