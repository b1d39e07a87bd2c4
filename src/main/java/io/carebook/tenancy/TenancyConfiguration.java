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
}
