package io.carebook.identity.sessions;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Ends a web session 8 hours after it began, however active it was: a working day at most. */
public class AbsoluteSessionTimeout extends OncePerRequestFilter {

  static final Duration LIMIT = Duration.ofHours(8);

  private final Clock clock;

  public AbsoluteSessionTimeout(Clock clock) {
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    if (session != null && clock.millis() - session.getCreationTime() > LIMIT.toMillis()) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/signin?expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
