package io.carebook.identity.members;

import io.carebook.shared.Problems;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each organization's API budget (600 requests a minute by default; plans will set it), shared by
 * all its members and keys, so that one busy integration cannot starve the platform. The budget is
 * counted in each app instance's memory ({@link RateLimits#consumeHere}), so no request, read or
 * write, takes a database round trip or a row lock for it; behind N instances an organization may
 * make up to N times the budget, so {@code carebook.rate-limit.organization} is set per instance.
 */
public class OrganizationRateLimit extends OncePerRequestFilter {

  private final RateLimits limits;
  private final JsonMapper json;

  public OrganizationRateLimit(RateLimits limits, JsonMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var tenant = TenantContext.current().map(TenantContext.Scope::tenant);
    if (tenant.isPresent()) {
      try {
        limits.consumeHere(RateLimits.ORGANIZATION, tenant.get().toString());
      } catch (RateLimits.Exceeded e) {
        var problem =
            ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(Problems.type("rate-limited"));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
