package org.jiefen.users;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request. */
@Component
public class CurrentUser {

  private final UserDirectory users;

  CurrentUser(UserDirectory users) {
    this.users = users;
  }

  public AppUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new IllegalStateException("no signed-in user");
    }
    if (auth.getPrincipal() instanceof UserPrincipal principal) {
      return principal.user();
    }
    return users.find(auth.getName()).orElseThrow(() -> new IllegalStateException("unknown user " + auth.getName()));
  }
}
