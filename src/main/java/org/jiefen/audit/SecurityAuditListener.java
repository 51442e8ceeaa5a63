package org.jiefen.audit;

import org.jiefen.users.AppUser;
import org.jiefen.users.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's events into audit events. The authentication manager publishes them only
 * for real password checks and for attempts refused by the lockout (not for requests answered from
 * the short-lived cache of recent logins), so every LOGIN here is a password that was checked.
 */
@Component
class SecurityAuditListener {

  private final AuditLog audit;
  private final UserDirectory users;

  SecurityAuditListener(AuditLog audit, UserDirectory users) {
    this.audit = audit;
    this.users = users;
  }

  @EventListener
  void loggedIn(AuthenticationSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    String unitCode = users.find(auth.getName()).map(AppUser::unitCode).orElse(null);
    audit.recordLogin(auth.getName(), unitCode, AuditAction.LOGIN, AuditOutcome.SUCCESS, remote(auth), null);
  }

  @EventListener
  void loginFailed(AbstractAuthenticationFailureEvent event) {
    Authentication auth = event.getAuthentication();
    boolean locked = event instanceof AuthenticationFailureLockedEvent;
    // The exception message is ours or Spring's; never the submitted password.
    audit.recordLogin(
        auth.getName(),
        null,
        AuditAction.LOGIN_FAILED,
        locked ? AuditOutcome.DENIED : AuditOutcome.FAILED,
        remote(auth),
        locked ? "account locked" : event.getException().getClass().getSimpleName());
  }

  /** URL rules that refuse a signed-in user. Anonymous refusals are answered 401, not audited as denials. */
  @EventListener
  void denied(AuthorizationDeniedEvent<?> event) {
    Authentication auth = event.getAuthentication().get();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return;
    }
    audit.denied(null);
  }

  private static String remote(Authentication auth) {
    return auth.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
  }
}
