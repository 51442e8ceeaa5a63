package org.jiefen.users;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.FieldMessages;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user pages of the workbench (administrators only, {@code /admin/**}): the list filtered by
 * unit (and the units below it) and role, and plain forms to create a user or change one, saved
 * through {@link UserEditor} as the API saves them (same rules, same audit). Passwords are only
 * ever typed, never shown: a blank password keeps the current one. The create form lives at
 * {@code /admin/users/new}, a user's at {@code /admin/users/{username}/edit}, so a user named
 * {@code new} is still reachable.
 */
@Controller
@WebPage
class UserPages {

  static final String ERRORS = "reference.user.error";
  static final List<String> LOCALES = List.of("zh-CN", "en");

  /** What the user form posts; strings, so a wrong value comes back as typed (never the password). */
  record UserForm(String username, String displayName, String unitCode, List<String> roles, String email, String locale,
      String password, String passwordRepeat) {
    static UserForm of(AppUser u) {
      return new UserForm(u.username(), u.displayName(), u.unitCode(), u.roles().stream().map(Role::name).toList(),
          u.email(), u.locale(), null, null);
    }

    UserForm withoutPasswords() {
      return new UserForm(username, displayName, unitCode, roles, email, locale, null, null);
    }

    public boolean hasRole(Role role) {
      return roles != null && roles.contains(role.name());
    }
  }

  /** A row of the list: the user and the name of their unit. */
  record Row(AppUser user, String unitName, List<Role> roles) {}

  private final UserDirectory users;
  private final UnitDirectory units;
  private final UserEditor editor;
  private final CurrentUser currentUser;

  UserPages(UserDirectory users, UnitDirectory units, UserEditor editor, CurrentUser currentUser) {
    this.users = users;
    this.units = units;
    this.editor = editor;
    this.currentUser = currentUser;
  }

  @GetMapping("/admin/users")
  String list(@RequestParam(required = false) String unit, @RequestParam(required = false) String role, Model model) {
    Role wanted = null;
    if (role != null && !role.isBlank()) {
      wanted = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
      if (wanted == null) {
        model.addAttribute("badField", "role");
      }
    }
    Unit within = null;
    if (unit != null && !unit.isBlank()) {
      within = units.find(unit).orElse(null);
      if (within == null) {
        model.addAttribute("badField", "unit");
      }
    }
    Role roleFilter = wanted;
    String unitFilter = within == null ? null : within.code();
    List<Row> rows = users.all().stream()
        .filter(u -> roleFilter == null || u.roles().contains(roleFilter))
        .filter(u -> unitFilter == null || units.find(u.unitCode()).map(x -> x.path().contains(unitFilter)).orElse(false))
        .map(u -> new Row(u, units.find(u.unitCode()).map(Unit::name).orElse(u.unitCode()),
            u.roles().stream().sorted().toList()))
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("unit", unitFilter);
    model.addAttribute("role", roleFilter == null ? null : roleFilter.name());
    model.addAttribute("units", unitsInTreeOrder());
    model.addAttribute("roles", Role.values());
    return "reference/users";
  }

  @GetMapping("/admin/users/new")
  String blank(Model model) {
    UserForm form = new UserForm("", "", "", List.of(), "", "", null, null);
    return show(form, null, new FieldMessages(ERRORS), model);
  }

  @PostMapping("/admin/users/new")
  String create(@ModelAttribute UserForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    FieldMessages errors = new FieldMessages(ERRORS);
    UserRequest request = request(form, errors);
    if (errors.isEmpty()) {
      try {
        return saved(editor.create(request), "created", redirect);
      } catch (FieldProblem problem) {
        errors.add(problem);
      } catch (ConflictProblem taken) {
        errors.put("username", "exists");
      }
    }
    response.setStatus(400);
    return show(form.withoutPasswords(), null, errors, model);
  }

  @GetMapping("/admin/users/{username}/edit")
  String edit(@PathVariable String username, Model model) {
    AppUser user = find(username);
    return show(UserForm.of(user), user, new FieldMessages(ERRORS), model);
  }

  @PostMapping("/admin/users/{username}/edit")
  String update(@PathVariable String username, @ModelAttribute UserForm posted, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    AppUser user = find(username);
    // the username is the account's key: it is not changed here
    UserForm form = new UserForm(user.username(), posted.displayName(), posted.unitCode(), posted.roles(), posted.email(),
        posted.locale(), posted.password(), posted.passwordRepeat());
    FieldMessages errors = new FieldMessages(ERRORS);
    UserRequest request = request(form, errors);
    if (errors.isEmpty()) {
      try {
        return saved(editor.update(username, request), "saved", redirect);
      } catch (FieldProblem problem) {
        errors.add(problem);
      }
    }
    response.setStatus(400);
    return show(form.withoutPasswords(), user, errors, model);
  }

  private String saved(AppUser user, String what, RedirectAttributes redirect) {
    redirect.addFlashAttribute("savedUser", user.username());
    redirect.addFlashAttribute("savedWhat", what);
    return "redirect:/admin/users";
  }

  private AppUser find(String username) {
    return users.find(username).orElseThrow(() -> new NotFoundProblem("no user " + username));
  }

  private String show(UserForm form, AppUser existing, FieldMessages errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("existing", existing);
    model.addAttribute("self", existing != null && existing.username().equals(currentUser.get().username()));
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("units", unitsInTreeOrder());
    model.addAttribute("roles", Role.values());
    model.addAttribute("locales", LOCALES);
    return "reference/user";
  }

  /**
   * The form as the editor's request. A role that is not one of ours, or a repeated password that
   * differs, is an error of its field; a blank password or e-mail address is none.
   */
  private static UserRequest request(UserForm form, FieldMessages errors) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : form.roles() == null ? List.<String>of() : form.roles()) {
      Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst()
          .ifPresentOrElse(roles::add, () -> errors.put("roles", "invalid"));
    }
    String password = blankToNull(form.password());
    if (password != null && !password.equals(form.passwordRepeat())) {
      errors.put("passwordRepeat", "mismatch");
    }
    return new UserRequest(strip(form.username()), strip(form.displayName()), strip(form.unitCode()),
        roles.isEmpty() ? null : roles, blankToNull(strip(form.email())), password, blankToNull(form.locale()));
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private List<Unit> unitsInTreeOrder() {
    return units.all().stream().sorted(Comparator.comparing((Unit u) -> String.join("/", u.path()))).toList();
  }
}
