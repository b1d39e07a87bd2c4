package io.carebook.identity.mfa;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.accounts.CarebookUserDetailsService;
import io.carebook.identity.sessions.SignInSuccess;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Service;

/**
 * Two-step sign-in on the web. After a right password, a user with an authenticator does not get an
 * authenticated session: the session only remembers a {@link PendingSignIn} for five minutes and
 * five tries, which opens nothing but {@code /signin/code}. The right code (or a recovery code)
 * then signs the user in, in a new session id, with both factors recorded.
 */
@Service
public class SecondFactorSignIn implements AuthenticationSuccessHandler {

  public static final String CODE_PAGE = "/signin/code";
  static final String JOIN_PAGE = "/invitations/join";
  static final Duration CODE_DUE_WITHIN = Duration.ofMinutes(5);

  private final SecondFactor secondFactor;
  private final CarebookUserDetailsService users;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecurityContextRepository contexts =
      new DelegatingSecurityContextRepository(
          new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());

  SecondFactorSignIn(
      SecondFactor secondFactor, CarebookUserDetailsService users, AuditTrail audit, Clock clock) {
    this.secondFactor = secondFactor;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** How a code attempt ended. */
  public enum Outcome {
    SIGNED_IN,
    WRONG_CODE,
    START_AGAIN
  }

  /** After the password: straight in, or on to the code page. */
  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    SignInSuccess.remember(request);
    var user = (CarebookUser) authentication.getPrincipal();
    if (user != null && secondFactor.enrolled(user.id())) {
      SecurityContextHolder.clearContext();
      contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
      var pending =
          new PendingSignIn(
              user.id().value(), user.email(), clock.instant().plus(CODE_DUE_WITHIN), 0);
      request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, pending);
      response.sendRedirect(request.getContextPath() + CODE_PAGE);
      return;
    }
    response.sendRedirect(landing(request));
  }

  /**
   * Where a completed sign-in goes: back to the invitation an existing account was asked to sign in
   * for (the request Spring Security saved on the way to the sign-in page), else home.
   */
  public static String landing(HttpServletRequest request) {
    var saved = new HttpSessionRequestCache().getRequest(request, null);
    if (saved != null && saved.getMethod().equals("GET")) {
      var url = java.net.URI.create(saved.getRedirectUrl());
      if ((request.getContextPath() + JOIN_PAGE).equals(url.getPath())) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
      }
    }
    return request.getContextPath() + "/";
  }

  /** Whether this request's session waits for a code. */
  public static boolean isPending(HttpServletRequest request) {
    return pending(request) != null;
  }

  /** Takes the code for the pending sign-in. */
  public Outcome complete(
      HttpServletRequest request, HttpServletResponse response, @Nullable String code) {
    var pending = pending(request);
    if (pending == null || clock.instant().isAfter(pending.expiresAt())) {
      cancel(request);
      return Outcome.START_AGAIN;
    }
    var kind = verify(pending, code);
    if (kind == null) {
      var failed = pending.failed();
      if (failed.exhausted()) {
        cancel(request);
        return Outcome.START_AGAIN;
      }
      request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, failed);
      return Outcome.WRONG_CODE;
    }
    signIn(request, response, pending, kind);
    return Outcome.SIGNED_IN;
  }

  public void cancel(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
    }
  }

  private SecondFactor.@Nullable Kind verify(PendingSignIn pending, @Nullable String code) {
    return TenantContext.call(
        TenantContext.Scope.user(pending.user()),
        () -> secondFactor.verify(pending.user(), code).orElse(null));
  }

  private void signIn(
      HttpServletRequest request,
      HttpServletResponse response,
      PendingSignIn pending,
      SecondFactor.Kind kind) {
    cancel(request);
    var user = (CarebookUser) users.loadUserByUsername(pending.email());
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            user,
            null,
            List.of(
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.fromFactor("TOTP")));
    request.changeSessionId(); // a session that knew the password alone is not the signed-in one
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    TenantContext.run(
        TenantContext.Scope.user(user.id()),
        () -> audit.security(SecurityEvent.MFA_VERIFIED, user.id().toString(), kind.name()));
  }

  private static @Nullable PendingSignIn pending(HttpServletRequest request) {
    var session = request.getSession(false);
    return session == null
        ? null
        : session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn p ? p : null;
  }
}
