package io.carebook.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses every writing request (POST, PUT, PATCH, DELETE) made in a clinic whose subscription
 * status allows reading only — pages and API alike, before any handler runs. Endpoints that write
 * nothing of the clinic's data opt out with {@link AllowedWhenReadOnly} (or an annotation carrying
 * it, such as the front desk's rule for finishing today's visits).
 */
@Component
public class WriteGuard implements HandlerInterceptor {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final Organizations organizations;
  private final Clock clock;

  WriteGuard(Organizations organizations, Clock clock) {
    this.organizations = organizations;
    this.clock = clock;
  }

  /** Throws when the active clinic may not be written to now. */
  public void requireWritable() {
    var clinic = organizations.activeClinic();
    if (!clinic.writable(clock.instant())) {
      throw new ClinicReadOnlyException(clinic.subscriptionStatus());
    }
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (WRITES.contains(request.getMethod())
        && handler instanceof HandlerMethod method
        && !exempt(method)
        && TenantContext.current().map(TenantContext.Scope::clinic).isPresent()) {
      requireWritable();
    }
    return true;
  }

  /** Marked on the method or its class, directly or through an annotation that carries it. */
  private static boolean exempt(HandlerMethod method) {
    return method.hasMethodAnnotation(AllowedWhenReadOnly.class)
        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AllowedWhenReadOnly.class);
  }
}
