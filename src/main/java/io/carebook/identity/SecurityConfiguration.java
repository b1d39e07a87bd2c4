package io.carebook.identity;

import io.carebook.identity.accounts.CarebookUserDetailsService;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.apikeys.ApiKeyAuthentication;
import io.carebook.identity.apikeys.ApiKeys;
import io.carebook.identity.members.MemberContextFilter;
import io.carebook.identity.members.Memberships;
import io.carebook.identity.members.OrganizationRateLimit;
import io.carebook.identity.members.ProblemEntryPoint;
import io.carebook.identity.mfa.MfaGate;
import io.carebook.identity.mfa.SecondFactorSignIn;
import io.carebook.identity.sessions.AbsoluteSessionTimeout;
import io.carebook.identity.sessions.AccessTokens;
import io.carebook.identity.signin.Lockout;
import io.carebook.identity.signin.SignInDefences;
import io.carebook.identity.signin.SignInFailures;
import io.carebook.identity.signin.SignInLinks;
import io.carebook.identity.signin.StrongerHashes;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.IdempotentRequests;
import io.carebook.tenancy.TenantTransactions;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API ({@code /api/**}) takes bearer tokens and keeps no session; the pages use a
 * session cookie with CSRF protection. Behind both, {@link MemberContextFilter} binds the request's
 * tenant and actor.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final int ARGON2_MEMORY_KIB = 19 * 1024;
  static final int ARGON2_ITERATIONS = 2;
  static final int ARGON2_PARALLELISM = 1;

  /**
   * Argon2id at OWASP's minimum (19 MiB of memory, 2 passes, 1 lane; 16-byte salt, 32-byte hash);
   * Spring's v5.8 defaults use only 16 MiB. A hash carries its parameters, so an older one still
   * verifies, and is made again with these at its owner's next sign-in ({@link StrongerHashes}).
   */
  @Bean
  static PasswordEncoder passwordEncoder() {
    return new Argon2PasswordEncoder(
        16, 32, ARGON2_PARALLELISM, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
  }

  /**
   * The one authentication manager, used by the API's token endpoint and the web form alike, so
   * both pass the same {@link SignInDefences}. Without it the form would get Spring's own manager
   * (built from the user-details service alone), which has no lockout.
   */
  @Bean
  AuthenticationManager authenticationManager(
      CarebookUserDetailsService userDetails,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      Lockout lockout,
      RateLimits limits,
      Users users,
      TenantTransactions tenants) {
    var provider = new DaoAuthenticationProvider(userDetails);
    provider.setPasswordEncoder(passwords);
    provider.setUserDetailsPasswordService(new StrongerHashes(users, tenants));
    var manager =
        new ProviderManager(new SignInDefences(provider, lockout, limits, users, tenants));
    var publisher = new DefaultAuthenticationEventPublisher(events);
    // mapped by exact class: without this, refusals by the defences would go unaudited
    publisher.setAdditionalExceptionMappings(
        Map.of(SignInDefences.TooManySignIns.class, AuthenticationFailureLockedEvent.class));
    manager.setAuthenticationEventPublisher(publisher);
    return manager;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      AccessTokens tokens,
      Memberships memberships,
      ApiKeys apiKeys,
      RateLimits limits,
      IdempotentRequests idempotency,
      JsonMapper json,
      MfaGate.Factory mfa)
      throws Exception {
    var problems = new ProblemEntryPoint(json);
    return http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/signups",
                        "/api/v1/email-confirmations",
                        "/api/v1/tokens",
                        "/api/v1/tokens/refresh",
                        "/api/v1/password-resets",
                        "/api/v1/password-resets/complete",
                        "/api/v1/invitations/accept")
                    .permitAll()
                    // providers' callbacks, verified by their own signatures
                    .requestMatchers("/api/v1/webhooks/**")
                    .permitAll()
                    // the platform's operators, who answer with their own token (PlatformApi)
                    .requestMatchers("/api/platform/**")
                    .permitAll()
                    // fhir: the CapabilityStatement is public, as FHIR servers serve it
                    .requestMatchers(HttpMethod.GET, "/api/fhir/r4/metadata")
                    .permitAll()
                    // hygiene: the API's changelog is public, like the OpenAPI document
                    .requestMatchers(HttpMethod.GET, "/api/v1/changelog")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(tokens::decode))
                    .bearerTokenResolver(ApiKeyAuthentication.accessTokensOnly()) // agents (MCP)
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(
            new ApiKeyAuthentication(apiKeys, problems), BearerTokenAuthenticationFilter.class)
        .addFilterAfter(new MemberContextFilter(memberships, problems), AuthorizationFilter.class)
        .addFilterAfter(mfa.gate(), MemberContextFilter.class) // after the member is known
        .addFilterAfter(new OrganizationRateLimit(limits, json), MfaGate.class)
        .addFilterAfter(idempotency, OrganizationRateLimit.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      Memberships memberships,
      JsonMapper json,
      MfaGate.Factory mfa,
      SecondFactorSignIn secondFactor,
      java.time.Clock clock)
      throws Exception {
    return http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/signin",
                        SecondFactorSignIn.CODE_PAGE,
                        SignInLinks.PAGE,
                        SignInLinks.PAGE + "/**",
                        "/signup",
                        "/signup/**",
                        "/confirm-email",
                        "/password-reset",
                        "/password-reset/**",
                        "/invitations/accept",
                        "/book/**",
                        "/verify/**",
                        "/receipts/**",
                        "/calendar/feeds/**",
                        "/tv/**",
                        "/language/**",
                        "/dev/outbox",
                        "/dev/authenticator",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error",
                        "/problems/**",
                        "/actuator/health/**",
                        "/actuator/prometheus",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/signin")
                    .loginProcessingUrl("/signin")
                    .usernameParameter("email")
                    .successHandler(secondFactor) // on to the code page when one is due
                    .failureHandler(new SignInFailures()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SecondFactorSignIn.CODE_PAGE),
                        SecondFactorSignIn::isPending)
                    // anyone else to the sign-in page itself, whatever they accept (alone, the
                    // code page's entry point would be everyone's default)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/signin"), request -> true))
        .logout(out -> out.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
        .addFilterBefore(new AbsoluteSessionTimeout(clock), SecurityContextHolderFilter.class)
        .addFilterAfter(
            new MemberContextFilter(memberships, new ProblemEntryPoint(json)),
            AuthorizationFilter.class)
        .addFilterAfter(mfa.gate(), MemberContextFilter.class) // after the member is known
        .build();
  }

  // avail (issue 18): the request edge's cost for a GET
  /**
   * No observation around each filter of the security chains (Spring Security's "requests"
   * observations): wrapping every filter of every request in an observation, with an event and a
   * counter lookup per filter, was about a tenth of an API GET's CPU in the availability profile
   * (BENCHMARKS.md). Sign-ins and authorization decisions are still observed, and every request
   * still has its {@code http.server.requests} timer.
   */
  @Bean
  static org.springframework.security.config.observation.SecurityObservationSettings
      securityObservations() {
    return org.springframework.security.config.observation.SecurityObservationSettings
        .withDefaults()
        .shouldObserveRequests(false)
        .build();
  }
}
