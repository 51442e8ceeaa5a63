package org.jiefen.users;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.units.UnitDirectory;
import org.jiefen.web.CodedFieldProblem;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates and changes users for administrators, for the API ({@code /api/v1/users}) and the user
 * pages alike: the same checks, the same audit ({@code USER_SAVED}). The password is only ever
 * stored as a hash. An administrator cannot take the administrator role from themselves, so the
 * system is never left without the administrator who is working in it.
 */
@Service
class UserEditor {

  private final UserDirectory users;
  private final UnitDirectory units;
  private final PasswordEncoder passwords;
  private final CurrentUser currentUser;
  private final Validator validator;
  private final AuditLog audit;

  UserEditor(UserDirectory users, UnitDirectory units, PasswordEncoder passwords, CurrentUser currentUser,
      Validator validator, AuditLog audit) {
    this.users = users;
    this.units = units;
    this.passwords = passwords;
    this.currentUser = currentUser;
    this.validator = validator;
    this.audit = audit;
  }

  /** A new user; a username already taken is a conflict (409). */
  AppUser create(UserRequest request) {
    checkFields(request);
    if (users.find(request.username()).isPresent()) {
      throw new ConflictProblem("user " + request.username() + " exists");
    }
    return save(request, null);
  }

  /** Changes the user {@code username}; without a password in the request the user keeps theirs. */
  AppUser update(String username, UserRequest request) {
    checkFields(request);
    if (!username.equals(request.username())) {
      throw new CodedFieldProblem("username", "path", "must match the path");
    }
    AppUser existing = users.find(username).orElseThrow(() -> new NotFoundProblem("no user " + username));
    AppUser me = currentUser.get();
    if (me.username().equals(username) && existing.has(Role.ADMIN) && !request.roles().contains(Role.ADMIN)) {
      throw new CodedFieldProblem("roles", "ownAdmin",
          "must keep ADMIN: administrators cannot take the administrator role from themselves");
    }
    return save(request, existing.passwordHash());
  }

  private AppUser save(UserRequest request, String currentHash) {
    if (units.find(request.unitCode()).isEmpty()) {
      throw new CodedFieldProblem("unitCode", "unknown", "no such unit");
    }
    // Without a password (OIDC users in production) the account cannot sign in with one.
    String hash = request.password() != null ? passwords.encode(request.password()) : currentHash != null ? currentHash : "{noop}!";
    AppUser user = new AppUser(request.username(), request.displayName().strip(), request.unitCode(),
        request.roles(), request.email(), hash, request.locale());
    users.saveAll(List.of(user));
    audit.record(AuditAction.USER_SAVED, null, user.username()); // audit
    return user;
  }

  /** The bean constraints of the request (the API checks them before, the page has only this). */
  private void checkFields(UserRequest request) {
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new CodedFieldProblem(violations.stream()
          .sorted(Comparator.comparing((ConstraintViolation<UserRequest> v) -> v.getPropertyPath().toString()))
          .map(v -> new CodedFieldProblem.Coded(v.getPropertyPath().toString(),
              v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName().toLowerCase(Locale.ROOT),
              v.getMessage()))
          .toList());
    }
  }
}
