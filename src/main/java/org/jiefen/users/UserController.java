package org.jiefen.users;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jiefen.web.NotFoundProblem;
import org.springframework.http.ResponseEntity;
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
  private final UserEditor editor;

  UserController(UserDirectory users, UserEditor editor) {
    this.users = users;
    this.editor = editor;
  }

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
    AppUser user = editor.create(request);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
  }

  /** Changes a user; administrators cannot take the administrator role from themselves (400, field roles). */
  @PutMapping("/{username}")
  AppUser update(@PathVariable String username, @Valid @RequestBody UserRequest request) {
    return editor.update(username, request);
  }
}
