package org.jiefen.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** A user of the system. The password hash never leaves the server. */
public record AppUser(
    String username,
    String displayName,
    String unitCode,
    Set<Role> roles,
    String email,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String passwordHash) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The candidate groups this user belongs to. */
  public Set<String> groups() {
    return roles.stream().map(r -> r.group(unitCode)).collect(java.util.stream.Collectors.toSet());
  }
}
