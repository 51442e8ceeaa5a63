package org.jiefen.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A user as an administrator sends it: the API's body and what the user form posts. Without a
 * {@code password} an existing user keeps theirs (a new one cannot sign in with a password: OIDC).
 */
record UserRequest(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,31}", message = "must be 3-32 lower-case letters, digits, '.', '_' or '-'")
        String username,
    @NotBlank @Size(max = 50) @Pattern(regexp = "[^<>\\r\\n]*", message = "must not contain <, > or line breaks")
        String displayName,
    @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit unit code") String unitCode,
    @NotEmpty Set<Role> roles,
    @Email @Size(max = 254) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String email,
    @Size(min = 8, max = 128) String password,
    @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String locale) {}
