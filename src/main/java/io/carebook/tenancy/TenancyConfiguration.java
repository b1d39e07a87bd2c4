package io.carebook.tenancy;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

  @Bean
  static PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new TenantScopedTransactionManager(dataSource);
  }

  @Bean
  static Clock clock() {
    return Clock.systemUTC();
  }

  /** Not a servlet filter of its own: the API's security chain places it after the tenant. */
  @Bean
  io.carebook.tenancy.IdempotentRequests idempotentRequests(
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      PlatformTransactionManager transactions,
      tools.jackson.databind.json.JsonMapper json,
      Clock clock,
      // the application's own mapping, not the actuator's
      @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
          org.springframework.beans.factory.ObjectProvider<
                  org.springframework.web.servlet.mvc.method.annotation
                      .RequestMappingHandlerMapping>
              handlers,
      Encryption encryption) {
    return new io.carebook.tenancy.IdempotentRequests(
        jdbc, transactions, json, clock, handlers, encryption);
  }

  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<
          io.carebook.tenancy.IdempotentRequests>
      idempotentRequestsNotOnEveryRequest(io.carebook.tenancy.IdempotentRequests filter) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }
}
