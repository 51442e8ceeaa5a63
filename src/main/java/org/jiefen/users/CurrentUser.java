package org.jiefen.users;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request. */
@Component
public class CurrentUser {

  private final UserDirectory users;
  private final OidcUsers oidc;

  CurrentUser(UserDirectory users, OidcUsers oidc) {
    this.users = users;
    this.oidc = oidc;
  }

  public AppUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("no signed-in user");
    }
    if (auth.getPrincipal() instanceof UserPrincipal principal) {
      return principal.user();
    }
    if (auth.getPrincipal() instanceof org.springframework.security.oauth2.jwt.Jwt jwt) {
      return oidc.user(jwt);
    }
    return users.find(auth.getName()).orElseThrow(() -> new IllegalStateException("unknown user " + auth.getName()));
  }
}
