package org.jiefen.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.units.UnitDirectory;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User administration; only administrators reach it (see {@link SecurityConfiguration}). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

  private final UserDirectory users;
  private final UnitDirectory units;
  private final PasswordEncoder passwords;
  private final AuditLog audit;

  UserController(UserDirectory users, UnitDirectory units, PasswordEncoder passwords, AuditLog audit) {
    this.users = users;
    this.units = units;
    this.passwords = passwords;
    this.audit = audit;
  }

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

  @GetMapping
  List<AppUser> list() {
    return users.all();
  }

  @GetMapping("/{username}")
  AppUser get(@PathVariable String username) {
    return users.find(username).orElseThrow(() -> new NotFoundProblem("no user " + username));
  }

  @PostMapping
  ResponseEntity<AppUser> create(@Valid @RequestBody UserRequest request) {
    if (users.find(request.username()).isPresent()) {
      throw new ConflictProblem("user " + request.username() + " exists");
    }
    AppUser user = save(request, null);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
  }

  @PutMapping("/{username}")
  AppUser update(@PathVariable String username, @Valid @RequestBody UserRequest request) {
    if (!username.equals(request.username())) {
      throw new FieldProblem("username", "must match the path");
    }
    AppUser existing = get(username);
    return save(request, existing.passwordHash());
  }

  private AppUser save(UserRequest request, String currentHash) {
    if (units.find(request.unitCode()).isEmpty()) {
      throw new FieldProblem("unitCode", "no such unit");
    }
    // Without a password (OIDC users in production) the account cannot sign in with one.
    String hash = request.password() != null ? passwords.encode(request.password()) : currentHash != null ? currentHash : "{noop}!";
    AppUser user =
        new AppUser(request.username(), request.displayName().strip(), request.unitCode(), request.roles(), request.email(), hash,
            request.locale());
    users.saveAll(List.of(user));
    audit.record(AuditAction.USER_SAVED, null, user.username()); // audit
    return user;
  }
}
