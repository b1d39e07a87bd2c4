package io.carebook.identity.members;

import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.apikeys.ApiKeyAuthentication;
import io.carebook.identity.apikeys.ApiKeys;
import io.carebook.identity.apikeys.CurrentAgent;
import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantContext.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge: after authentication, resolves the request's user, active clinic and tenant once,
 * checks the membership against the database (so a removed member loses access at once, tokens
 * included) and binds the {@link TenantContext}, {@link CurrentMember} and {@link MemberAtEdge} for
 * the rest of the request. A person costs one statement outside any transaction ({@link
 * Memberships#atEdge}: memberships, sign-out everywhere, second factor), nothing cached, so every
 * change made on any instance applies to the next request.
 */
public class MemberContextFilter extends OncePerRequestFilter {

  private final Memberships memberships;
  private final AuthenticationEntryPoint revoked;

  public MemberContextFilter(Memberships memberships, AuthenticationEntryPoint revoked) {
    this.memberships = memberships;
    this.revoked = revoked;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ApiKeyAuthentication.AgentToken agentToken) {
      asAgent(agentToken.agent(), request, response, chain);
      return;
    }
    var resolved = resolve(authentication, request);
    var member = resolved == null ? null : resolved.member();
    if (member == null && authentication instanceof JwtAuthenticationToken) {
      revoked.commence(
          request,
          response,
          new InsufficientAuthenticationException(
              "The membership of this token has ended, or its user signed out everywhere."));
      return;
    }
    var scope = member == null ? Scope.anonymous() : scopeOf(member);
    try {
      TenantContext.call(
          scope,
          () -> {
            if (member == null) {
              chain.doFilter(request, response);
              return null;
            }
            return ScopedValue.where(CurrentMember.scopedValue(), member)
                .where(MemberAtEdge.scopedValue(), resolved.edge())
                .call(
                    () -> {
                      chain.doFilter(request, response);
                      return null;
                    });
          });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  /** The member the request acts as, with what the edge read to find them. */
  private record Resolved(@Nullable CurrentMember member, MemberAtEdge edge) {}

  /** An agent acts in its key's clinic; the audit names the key as the actor. */
  private static void asAgent(
      ApiKeys.Agent agent,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    var scope = Scope.agent(agent.tenantId(), agent.clinicId(), new UserId(agent.keyId()));
    try {
      TenantContext.call(
          scope,
          () ->
              ScopedValue.where(CurrentAgent.scopedValue(), agent)
                  .call(
                      () -> {
                        chain.doFilter(request, response);
                        return null;
                      }));
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  private @Nullable Resolved resolve(
      @Nullable Authentication authentication, HttpServletRequest request) {
    return switch (authentication) {
      case JwtAuthenticationToken jwt -> fromToken(jwt);
      case Authentication a when a.getPrincipal() instanceof CarebookUser user ->
          fromSession(user, request);
      case null, default -> null;
    };
  }

  /**
   * A token names its clinic; if that membership has ended, or the user signed out everywhere (or
   * reset the password) since it was issued, the token is worthless. Both come from the one read of
   * {@link Memberships#atEdge}.
   */
  private @Nullable Resolved fromToken(JwtAuthenticationToken authentication) {
    var jwt = authentication.getToken();
    var user = UserId.of(jwt.getSubject());
    var edge = memberships.atEdge(user).orElse(null);
    if (edge == null || signedOutSince(jwt, edge)) {
      return null;
    }
    var all = edge.memberships();
    var clinicClaim = jwt.getClaimAsString("clinic");
    var name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse("");
    var member = new CurrentMember(user, name, null, all);
    if (clinicClaim == null) {
      return new Resolved(member, edge);
    }
    return member
        .membershipIn(ClinicId.of(clinicClaim))
        .map(active -> new Resolved(new CurrentMember(user, name, active, all), edge))
        .orElse(null);
  }

  /** Whether the token was issued before its user last signed out everywhere (iat: seconds). */
  private static boolean signedOutSince(Jwt token, MemberAtEdge edge) {
    var issued = token.getIssuedAt();
    var signedOut = edge.signedOutAt();
    return issued == null
        || signedOut != null && issued.isBefore(signedOut.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The session remembers the chosen clinic; without one (or if it ended), the first one. */
  private @Nullable Resolved fromSession(CarebookUser user, HttpServletRequest request) {
    var edge = memberships.atEdge(user.id()).orElse(null);
    if (edge == null) {
      return null;
    }
    var all = edge.memberships();
    var member = new CurrentMember(user.id(), user.displayName(), null, all);
    var session = request.getSession();
    var chosen =
        Optional.ofNullable((String) session.getAttribute(CurrentMember.ACTIVE_CLINIC_ATTRIBUTE))
            .map(ClinicId::of)
            .flatMap(member::membershipIn)
            .or(() -> all.stream().filter(Membership::active).findFirst());
    chosen.ifPresentOrElse(
        m -> session.setAttribute(CurrentMember.ACTIVE_CLINIC_ATTRIBUTE, m.clinicId().toString()),
        () -> session.removeAttribute(CurrentMember.ACTIVE_CLINIC_ATTRIBUTE));
    return new Resolved(
        new CurrentMember(user.id(), user.displayName(), chosen.orElse(null), all), edge);
  }

  private static Scope scopeOf(CurrentMember member) {
    var active = member.active();
    return active == null
        ? Scope.user(member.userId())
        : Scope.member(active.tenantId(), active.clinicId(), member.userId());
  }
}
