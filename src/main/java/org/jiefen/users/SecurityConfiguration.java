package org.jiefen.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.jiefen.lockout.Lockout;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * API authentication: HTTP Basic against the user directory (with lockout), and in production
 * bearer tokens from an OIDC provider, whose claims carry the user's unit and roles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      ObjectMapper json,
      ObjectProvider<JwtDecoder> jwtDecoder,
      OidcUsers oidcUsers)
      throws Exception {
    // Bearer tokens when an OIDC provider is configured (spring.security.oauth2.resourceserver.jwt.*).
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      // Its own manager: the shared one below checks passwords and knows nothing of tokens.
      JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
      tokens.setJwtAuthenticationConverter(oidcUsers);
      http.oauth2ResourceServer(
          o -> o.jwt(j -> j.authenticationManager(new ProviderManager(tokens)))
              .authenticationEntryPoint(ProblemResponses.unauthorized(json)));
    }
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/dev/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/api/v1/users/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/v1/units/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/calendar", "/api/v1/calendar/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthorized(json)))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(ProblemResponses.unauthorized(json))
                .accessDeniedHandler(ProblemResponses.forbidden(json)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic-auth API and local-only dev endpoints: no session cookie to forge.
        .csrf(c -> c.disable());
    return http.build();
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService users, PasswordEncoder passwords, AuthenticationEventPublisher events, Lockout lockout) {
    DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
    checked.setPasswordEncoder(passwords);
    // Success and failure events (the audit's LOGIN, LOGIN_FAILED) come from real password checks
    // only: a request answered from RecentLogins is not a sign-in.
    ProviderManager checking = new ProviderManager(checked);
    checking.setAuthenticationEventPublisher(events);
    RecentLogins recent = new RecentLogins(checking, Duration.ofMinutes(5));
    // The lockout comes first, so a locked user's password is neither checked nor taken from the cache.
    return new ProviderManager(lockout.guard(recent, recent::forget));
  }

  /** URLs the firewall refuses (encoded slashes, semicolons, ...) get a problem body too. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, e) -> ProblemResponses.badRequest(json).handle(request, response, null);
  }

  @Bean
  UserDetailsService userDetailsService(UserDirectory users) {
    return username ->
        users
            .find(username)
            .map(UserPrincipal::new)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
