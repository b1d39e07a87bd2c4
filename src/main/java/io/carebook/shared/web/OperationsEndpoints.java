package io.carebook.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Prometheus metrics in production answer only the scraper: {@code Authorization: Bearer} with
 * {@code carebook.prometheus.token} (set it from the environment, CAREBOOK_PROMETHEUS_TOKEN);
 * without that setting they do not exist (404), whatever the exposure list says. In developer mode
 * ({@code carebook.dev=true}) they are open, as on a developer's machine nothing is secret.
 */
@Component
class OperationsEndpoints extends OncePerRequestFilter {

  private final boolean dev;
  private final byte[] token;

  OperationsEndpoints(
      @Value("${carebook.dev:false}") boolean dev,
      @Value("${carebook.prometheus.token:}") String token) {
    this.dev = dev;
    this.token = token.strip().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return dev || !request.getRequestURI().startsWith("/actuator/prometheus");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (token.length == 0) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!presented(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean presented(HttpServletRequest request) {
    var header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    var given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }
}
