package io.carebook.identity.web;

import io.carebook.identity.Role;
import io.carebook.identity.members.CurrentMember;
import io.carebook.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issue 19 (wainbox): a member whose only role in the active clinic is {@link
 * Role#REMOTE_ASSISTANT} reaches the pages of the inbox and the calendar and no other: the matrix
 * refuses them every action but the inbox's and booking's, and this guard also closes the pages
 * that check no action (the clinics list, the dashboard, which sends them to the inbox) with the
 * matrix's 403. Their own account pages, the language menu and signing out stay open; the API
 * answers as the matrix says.
 */
@Configuration(proxyBeanMethods = false)
class RemoteAssistantReach implements WebMvcConfigurer, HandlerInterceptor {

  /** The paths such a member may open, each with everything under it. */
  static final List<String> REACHABLE =
      List.of(
          "/inbox", "/calendar", "/account", "/language", "/signout", "/clinics/switch", "/error");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (!(handler instanceof HandlerMethod) || path.startsWith("/api/") || !onlyRemote()) {
      return true; // the API answers as the matrix says, action by action
    }
    if (path.equals("/") && "GET".equals(request.getMethod())) {
      response.sendRedirect(request.getContextPath() + "/inbox");
      return false;
    }
    if (REACHABLE.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
      return true;
    }
    throw new ProblemException(
        HttpStatus.FORBIDDEN, "forbidden", "Your role in this clinic does not allow this.");
  }

  /** Whether the member's roles in the active clinic are the remote assistant's alone. */
  static boolean onlyRemote() {
    return CurrentMember.current()
        .map(CurrentMember::active)
        .map(m -> m.roles().equals(java.util.Set.of(Role.REMOTE_ASSISTANT)))
        .orElse(false);
  }
}
