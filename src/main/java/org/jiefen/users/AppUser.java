package org.jiefen.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * A user of the system. The password hash never leaves the server. {@code locale} is the language
 * the user's mail is written in: {@code zh-CN} or {@code en}; null means Simplified Chinese.
 */
public record AppUser(
    String username,
    String displayName,
    String unitCode,
    Set<Role> roles,
    String email,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String passwordHash,
    String locale) {

  /** A user without a language preference (Simplified Chinese). */
  public AppUser(String username, String displayName, String unitCode, Set<Role> roles, String email, String passwordHash) {
    this(username, displayName, unitCode, roles, email, passwordHash, null);
  }

  /** The locale to write to this user in: English if they chose it, else Simplified Chinese. */
  public java.util.Locale mailLocale() {
    return "en".equals(locale) ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The candidate groups this user belongs to. */
  public Set<String> groups() {
    return roles.stream().map(r -> r.group(unitCode)).collect(java.util.stream.Collectors.toSet());
  }
}
