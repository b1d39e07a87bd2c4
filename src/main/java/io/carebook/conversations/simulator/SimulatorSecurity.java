package io.carebook.conversations.simulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The simulator's addresses are open (the controllers answer 404 unless the simulator is on): the
 * phone page keeps its CSRF protection; the fake Cloud API, which the app itself calls with a
 * bearer token like Meta's, has none, as the real one has none.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain whatsappSimulator(HttpSecurity http) throws Exception {
    return http.securityMatcher(PhonePages.PAGE, PhonePages.PAGE + "/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(CloudApiFake.PATH + "/**"))
        .build();
  }
}
