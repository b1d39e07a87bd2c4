package io.carebook.identity.mfa;

import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.members.MemberAtEdge;
import io.carebook.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps whoever has yet to set up two-step sign-in to the set-up: an API enrolment token reaches
 * only {@code /api/v1/me/mfa}, and a signed-in page visitor whom the policy requires to enrol is
 * sent to {@code /account/mfa} from every other page. Runs after {@link MemberContextFilter}.
 */
public class MfaGate extends OncePerRequestFilter {

  static final String ENROLMENT_PAGE = "/account/mfa";
  static final String ENROLMENT_API = "/api/v1/me/mfa";

  /** What a visitor who must enrol may still open: the set-up, signing out, assets, errors. */
  private static final List<String> OPEN_WHILE_ENROLLING =
      List.of(
          ENROLMENT_PAGE,
          "/signout",
          "/error",
          "/problems/",
          "/webjars/",
          "/css/",
          "/js/",
          "/favicon.ico",
          "/favicon.svg",
          "/dev/");

  private final MfaPolicy policy;
  private final SecondFactor secondFactor;
  private final JsonMapper json;

  MfaGate(MfaPolicy policy, SecondFactor secondFactor, JsonMapper json) {
    this.policy = policy;
    this.secondFactor = secondFactor;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt
        && MfaEnrolmentTokens.isOne(jwt.getToken())
        && !path.startsWith(ENROLMENT_API)) {
      refuse(response);
      return;
    }
    if (authentication != null
        && authentication.getPrincipal() instanceof CarebookUser
        && OPEN_WHILE_ENROLLING.stream().noneMatch(path::startsWith)
        && mustEnrol()) {
      response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response) throws IOException {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "This token only sets up two-step sign-in ("
                + ENROLMENT_API
                + "); sign in again"
                + " with a code once it is set up.");
    problem.setType(Problems.type("mfa-enrolment-required"));
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Makes the gate for each filter chain; the gate is no bean, or it would filter twice. */
  @Component
  public static class Factory {

    private final MfaPolicy policy;
    private final SecondFactor secondFactor;
    private final JsonMapper json;

    Factory(MfaPolicy policy, SecondFactor secondFactor, JsonMapper json) {
      this.policy = policy;
      this.secondFactor = secondFactor;
      this.json = json;
    }

    public MfaGate gate() {
      return new MfaGate(policy, secondFactor, json);
    }
  }

  /**
   * From what the edge read ({@link MemberAtEdge}) when it is bound, so the gate costs no statement
   * of its own; else from the database.
   */
  private boolean mustEnrol() {
    var edge = MemberAtEdge.current();
    if (edge.isPresent()) {
      var read = edge.get();
      return !read.secondFactor()
          && MfaRequirement.applies(read.memberships(), read.requiringSecondFactorOfAll());
    }
    return CurrentMember.current()
        .filter(m -> policy.requires(m.memberships()))
        .filter(m -> !secondFactor.enrolled(m.userId()))
        .isPresent();
  }
}
