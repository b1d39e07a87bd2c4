package io.carebook.identity.apikeys;

import io.carebook.identity.members.ProblemEntryPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry an API key ({@code X-API-Key: cbk_…}, {@code Authorization:
 * ApiKey cbk_…} or {@code Authorization: Bearer cbk_…}) as the agent the key stands for. A key that
 * is unknown or revoked answers 401, and so does one whose creator has lost the rights it was cut
 * from.
 */
public class ApiKeyAuthentication extends OncePerRequestFilter {

  /** An authenticated agent. */
  public static final class AgentToken extends AbstractAuthenticationToken {
    private final ApiKeys.Agent agent;

    AgentToken(ApiKeys.Agent agent) {
      super(List.of());
      this.agent = agent;
      setAuthenticated(true);
    }

    public ApiKeys.Agent agent() {
      return agent;
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return agent.keyId();
    }
  }

  private final ApiKeys keys;
  private final ProblemEntryPoint refused;

  public ApiKeyAuthentication(ApiKeys keys, ProblemEntryPoint refused) {
    this.keys = keys;
    this.refused = refused;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var secret = presented(request);
    if (secret == null) {
      chain.doFilter(request, response);
      return;
    }
    var agent = keys.authenticate(secret);
    if (agent.isEmpty()) {
      refused.commence(
          request, response, new BadCredentialsException("unknown or revoked API key"));
      return;
    }
    if (!agent.get().backedByItsCreator()) {
      refused.write(
          response,
          org.springframework.http.HttpStatus.UNAUTHORIZED,
          "api-key-lapsed",
          "This key's creator is no longer a member of its clinic, or no longer may do what the"
              + " key was given; ask an owner or manager of the clinic for a new key.");
      return;
    }
    if (!agent.get().apiAccess()) {
      refused.write(
          response,
          org.springframework.http.HttpStatus.FORBIDDEN,
          "plan-feature",
          "API keys need a plan with API access; the clinic's plan does not include it.");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new AgentToken(agent.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static @Nullable String presented(HttpServletRequest request) {
    var header = request.getHeader("X-API-Key");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    var authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    // agents: MCP clients send their key OAuth-style, as a bearer token (issue 20)
    return bearerKey(authorization);
  }

  /**
   * The resource server's bearer tokens: every one but an API key, which this filter has
   * authenticated already (decoded as an access token, it would be refused).
   */
  public static BearerTokenResolver accessTokensOnly() {
    var tokens = new DefaultBearerTokenResolver();
    return request ->
        bearerKey(request.getHeader("Authorization")) == null ? tokens.resolve(request) : null;
  }

  /**
   * An API key sent as {@code Authorization: Bearer cbk_…}, as MCP clients and other OAuth-style
   * clients do; null for any other header (an access token stays the resource server's).
   */
  public static @Nullable String bearerKey(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    var token = authorization.substring(7).trim();
    return ApiKeys.looksLikeKey(token) ? token : null;
  }
}
