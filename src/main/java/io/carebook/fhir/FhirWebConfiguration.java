package io.carebook.fhir;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors under {@code /api/fhir/} as OperationOutcomes ({@link OperationOutcomes}), registered
 * before the security chain and the busy guard, so that their refusals are rewritten too.
 */
@Configuration(proxyBeanMethods = false)
class FhirWebConfiguration {

  @Bean
  FilterRegistrationBean<OperationOutcomes> fhirOperationOutcomes(JsonMapper json) {
    var registration = new FilterRegistrationBean<>(new OperationOutcomes(json));
    registration.addUrlPatterns(FhirApi.BASE.substring(0, "/api/fhir".length()) + "/*");
    registration.setName("fhirOperationOutcomes");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
