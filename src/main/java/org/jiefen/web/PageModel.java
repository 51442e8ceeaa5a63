package org.jiefen.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.users.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, their unit and roles, and whether the demo tools exist. */
@ControllerAdvice(annotations = WebPage.class)
class PageModel {

  /** The signed-in user as the header shows them; {@code roles} are message keys' suffixes. */
  public record PageUser(String username, String displayName, String unitCode, String unitName, List<String> roles,
      boolean supervisor, boolean admin) {}

  private final CurrentUser currentUser;
  private final UnitDirectory units;
  private final boolean localMode;

  PageModel(CurrentUser currentUser, UnitDirectory units, @Value("${jiefen.mode:local}") String mode) {
    this.currentUser = currentUser;
    this.units = units;
    this.localMode = "local".equals(mode);
  }

  @ModelAttribute("me")
  PageUser me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return null;
    }
    AppUser user = currentUser.get();
    String unitName = units.find(user.unitCode()).map(Unit::name).orElse(user.unitCode());
    List<String> roles = user.roles().stream().sorted().map(r -> r.name().toLowerCase()).toList();
    return new PageUser(user.username(), user.displayName(), user.unitCode(), unitName, roles,
        user.roles().contains(Role.SUPERVISOR) || user.roles().contains(Role.ADMIN), user.roles().contains(Role.ADMIN));
  }

  @ModelAttribute("localMode")
  boolean localMode() {
    return localMode;
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
