package io.carebook.identity.sessions;

import jakarta.servlet.http.HttpServletRequest;

/** Remembers where a web session signed in from, for the list of one's sessions. */
public final class SignInSuccess {

  static final String FROM = "carebook.signedInFrom";
  static final String CLIENT = "carebook.signedInClient";

  private SignInSuccess() {}

  public static void remember(HttpServletRequest request) {
    var session = request.getSession();
    session.setAttribute(FROM, request.getRemoteAddr());
    var agent = request.getHeader("User-Agent");
    session.setAttribute(
        CLIENT, agent == null ? "" : agent.substring(0, Math.min(agent.length(), 200)));
  }
}
