package io.carebook.tenancy;

import io.carebook.shared.TenantScoped;
import io.carebook.tenancy.TenantContext.Scope;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Lets a listener between modules be a plain {@code @ApplicationModuleListener} method: around
 * every such method whose one argument is {@link TenantScoped}, binds that event's tenant and
 * clinic as the SYSTEM actor ({@link Scope#system}) before the listener's transaction begins, so
 * its first statement already runs inside the tenant, as with {@link TenantTransactions#inClinic}.
 *
 * <p>The advisor is ordered just before Spring's transaction interceptor (which keeps the lowest
 * precedence): the annotation's {@code @Async} runs first, then this binds the scope, then the
 * transaction begins with the tenant's settings ({@link TenantContext#call} refuses a scope that
 * changes inside a transaction). Infrastructure role, so Spring's own auto-proxy creator applies it
 * without AspectJ.
 */
@Configuration(proxyBeanMethods = false)
class TenantScopedListeners {

  /** Before the transaction interceptor, which is ordered {@link Ordered#LOWEST_PRECEDENCE}. */
  static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor tenantScopedListenerAdvisor() {
    var advisor =
        new StaticMethodMatcherPointcutAdvisor(enterEventsTenant()) {
          @Override
          public boolean matches(Method method, Class<?> targetClass) {
            return listensToTenantScoped(method);
          }
        };
    advisor.setOrder(ORDER);
    return advisor;
  }

  static boolean listensToTenantScoped(Method method) {
    return method.getParameterCount() == 1
        && TenantScoped.class.isAssignableFrom(method.getParameterTypes()[0])
        && MergedAnnotations.from(method).isPresent(ApplicationModuleListener.class);
  }

  private static MethodInterceptor enterEventsTenant() {
    return invocation -> {
      var event = (TenantScoped) invocation.getArguments()[0];
      return TenantContext.call(
          Scope.system(event.tenantId(), event.clinicId()), invocation::proceed);
    };
  }
}
