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
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two filter chains over one authentication manager (the user directory, with lockout):
 *
 * <ul>
 *   <li>the API ({@code /api/**}, actuator, the local-mode JSON endpoints under {@code /dev}):
 *       stateless, HTTP Basic, and in production bearer tokens from an OIDC provider whose claims
 *       carry the user's unit and roles;
 *   <li>the web interface (everything else): form login, a session with an idle timeout, CSRF
 *       tokens on every state-changing request, and a content security policy without inline
 *       scripts.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** What the API chain serves; everything else is the web interface. */
  static final String[] API_PATHS = {
    "/api/**", "/actuator", "/actuator/**", "/dev/mail", "/dev/mail/**", "/dev/clock", "/error", "/error/**"
  };

  /** Pages and assets anyone may open: the sign-in page, the citizen query, static files, the local-mode pages. */
  static final String[] PUBLIC_PAGES = {
    "/login", "/query", "/query/**", "/assets/**", "/css/**", "/img/**", "/favicon.ico", "/dev/**"
  };

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  @Bean
  @Order(1)
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
    http.securityMatcher(API_PATHS)
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/dev/**")
                    .permitAll()
                    .requestMatchers("/error", "/error/**")
                    .permitAll()
                    .requestMatchers("/api/v1/users/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/v1/units/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/calendar", "/api/v1/calendar/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/models", "/api/v1/models/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/templates", "/api/v1/templates/**", "/api/v1/retention", "/api/v1/retention/**",
                        "/api/v1/archive", "/api/v1/archive/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/search/reindex")
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
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            a -> a.requestMatchers(PUBLIC_PAGES).permitAll()
                .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated())
        .formLogin(
            f -> f.loginPage("/login")
                .defaultSuccessUrl("/", false)
                .failureHandler(
                    (request, response, e) ->
                        response.sendRedirect(
                            request.getContextPath()
                                + (e instanceof org.springframework.security.authentication.LockedException
                                    ? "/login?locked"
                                    : "/login?error")))
                .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
        .sessionManagement(s -> s.invalidSessionUrl("/login?expired").sessionFixation(f -> f.changeSessionId()))
        .headers(
            h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(
                    org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
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
