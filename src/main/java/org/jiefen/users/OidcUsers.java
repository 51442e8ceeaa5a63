package org.jiefen.users;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Users signed in by an OIDC provider (production): who they are, their unit and their roles come
 * from the token's claims, whose names are configuration because every provider spells them
 * differently. A token without a unit or a known role grants nothing.
 */
@Component
public class OidcUsers implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String unitClaim;
  private final String rolesClaim;

  OidcUsers(
      @Value("${jiefen.security.oidc.unit-claim:unit_code}") String unitClaim,
      @Value("${jiefen.security.oidc.roles-claim:jiefen_roles}") String rolesClaim) {
    this.unitClaim = unitClaim;
    this.rolesClaim = rolesClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    AppUser user = user(jwt);
    Collection<GrantedAuthority> authorities =
        user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    return new JwtAuthenticationToken(jwt, authorities, user.username());
  }

  /** The user a token describes. */
  public AppUser user(Jwt jwt) {
    String username = jwt.getClaimAsString("preferred_username");
    if (username == null || username.isBlank()) {
      username = jwt.getSubject();
    }
    String name = jwt.getClaimAsString("name");
    return new AppUser(
        username,
        name == null ? username : name,
        jwt.getClaimAsString(unitClaim),
        roles(jwt.getClaimAsStringList(rolesClaim)),
        jwt.getClaimAsString("email"),
        null);
  }

  /** Accepts role names (MEDIATOR) and the group prefixes the models use (mediator). */
  private static Set<Role> roles(List<String> claimed) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claimed == null) {
      return roles;
    }
    for (String value : claimed) {
      for (Role role : Role.values()) {
        if (role.name().equalsIgnoreCase(value) || role.groupPrefix().equals(value.toLowerCase(Locale.ROOT))) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
