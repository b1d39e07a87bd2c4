package io.carebook.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that found no free database connection in time (the pool's wait ran out, or the
 * database is unreachable) answers 503 with {@code Retry-After}, an RFC 9457 problem of type {@code
 * unavailable} (or the error page), not a 500: nothing was saved, and the client should come back
 * in a moment. This filter catches it wherever it happens outside a controller (the request's edge
 * reads who acts before any handler runs); {@link ApiProblems} inside one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class Overloaded extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(Overloaded.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      var cause = noConnection(e);
      if (cause == null || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "No database connection for {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          cause.getMessage());
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  /** The cause that says no connection could be had, if that is why {@code e} failed. */
  static @Nullable Throwable noConnection(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException
          || cause instanceof CannotGetJdbcConnectionException
          || cause instanceof SQLTransientConnectionException) {
        return cause;
      }
    }
    return null;
  }
}
