package org.jiefen.cases;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.scope.DataScope;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.PageTime;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The intake page: a plain form (no script needed) that registers a dispute or a petition as
 * {@code POST /api/v1/cases} does (same service, same audit), shows each problem next to its field
 * with what was typed, and on success redirects to the receipt: case number, query code, and the
 * earlier cases the registration found.
 */
@Controller
@WebPage
class IntakePages {

  static final List<String> CATEGORIES = Arrays.asList(NewCase.CATEGORY.split("\\|"));
  static final List<String> MEDIATION_CHANNELS =
      List.of("walk_in", "hotline_12345", "grid_app", "online", "letter", "phone", "court", "police");
  static final List<String> PETITION_CHANNELS = List.of("visit", "letter", "phone", "online", "hotline_12345", "fax");
  static final List<String> PETITION_KINDS = List.of("claim", "suggestion", "report");
  static final List<String> ROLES = List.of("applicant", "respondent", "third_party");
  private static final int MAX_PARTIES = 20;

  private final CaseService cases;
  private final CurrentUser currentUser;
  private final UnitDirectory units;
  private final DataScope scope;
  private final Validator validator;
  private final AuditLog audit;

  IntakePages(CaseService cases, CurrentUser currentUser, UnitDirectory units, DataScope scope, Validator validator,
      AuditLog audit) {
    this.cases = cases;
    this.currentUser = currentUser;
    this.units = units;
    this.scope = scope;
    this.validator = validator;
    this.audit = audit;
  }

  @GetMapping("/intake")
  String form(@RequestParam(defaultValue = "mediation") String kind, Model model) {
    AppUser user = currentUser.get();
    return show(IntakeForm.blank(kind, user.unitCode()), Map.of(), user, model);
  }

  /**
   * Registers, or only changes the form: {@code addParty} adds a party row, {@code removeParty}
   * removes the row it names (buttons of the form, so this works without script).
   */
  @PostMapping("/intake")
  String register(@ModelAttribute("form") IntakeForm form,
      @RequestParam(required = false) String addParty,
      @RequestParam(required = false) Integer removeParty,
      Model model) {
    AppUser user = currentUser.get();
    if (!CaseService.mayRegister(user)) {
      return show(form, Map.of(), user, model);
    }
    if (addParty != null) {
      if (form.getParties().size() < MAX_PARTIES) {
        form.getParties().add(new IntakeForm.PartyRow(form.isMediation() ? "third_party" : "applicant"));
      }
      return show(form, Map.of(), user, model);
    }
    if (removeParty != null) {
      if (removeParty >= 0 && removeParty < form.getParties().size() && form.getParties().size() > 1) {
        form.getParties().remove((int) removeParty);
      }
      return show(form, Map.of(), user, model);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    List<Integer> rows = new ArrayList<>();
    NewCase request = form.toNewCase(PageTime.ZONE, errors, rows);
    if (form.isMediation() && rows.size() < 2) {
      errors.put("parties", "intake.error.parties.two");
    }
    if (request != null) {
      for (ConstraintViolation<NewCase> v : validator.validate(request)) {
        put(errors, v.getPropertyPath().toString(), rows);
      }
    }
    if (!errors.isEmpty()) {
      return show(form, errors, user, model);
    }
    CaseFile file;
    try {
      file = cases.register(request, user);
    } catch (FieldProblem problem) {
      problem.violations().forEach(v -> put(errors, v.field(), rows));
      return show(form, errors, user, model);
    } catch (org.springframework.security.access.AccessDeniedException outsideScope) {
      // the role may register (checked above): the unit posted is outside the user's scope
      errors.put("unitCode", "intake.error.unitCode");
      return show(form, errors, user, model);
    }
    audit.record(AuditAction.CASE_CREATED, file.id(), null); // audit: as the API's registration
    return "redirect:/intake/receipt/" + file.id();
  }

  /** The receipt: read as the case API reads a file (scope, audit); the earlier cases are those the reader may see. */
  @GetMapping("/intake/receipt/{id}")
  String receipt(@PathVariable String id, Model model) {
    CaseView view = cases.view(id, currentUser.get());
    audit.record(AuditAction.CASE_READ, id, "receipt"); // audit
    model.addAttribute("c", view);
    return "intake/receipt";
  }

  private String show(IntakeForm form, Map<String, String> errors, AppUser user, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("mayRegister", CaseService.mayRegister(user));
    model.addAttribute("units", unitsFor(user, form.isMediation()));
    model.addAttribute("categories", CATEGORIES);
    model.addAttribute("channels", form.isMediation() ? MEDIATION_CHANNELS : PETITION_CHANNELS);
    model.addAttribute("petitionKinds", PETITION_KINDS);
    model.addAttribute("roles", ROLES);
    return "intake/form";
  }

  /** The units the user may register at, their own first; disputes are mediated at administrative units only. */
  private List<Unit> unitsFor(AppUser user, boolean mediation) {
    List<Unit> list = new ArrayList<>(units.all().stream()
        .filter(u -> scope.covers(user, u.code()))
        .filter(u -> !mediation || !u.isDepartment())
        .sorted(java.util.Comparator.comparing((Unit u) -> u.path().size()).thenComparing(Unit::code))
        .toList());
    return list;
  }

  /**
   * Files a problem under the form's field: {@code parties[k].x} of the request is the form's row
   * {@code rows[k]}; the message is a bundle key per field ({@code intake.error.parties.idNumber}).
   */
  private static void put(Map<String, String> errors, String path, List<Integer> rows) {
    String field = path.replace(".<list element>", "").replace("<list element>", "");
    java.util.regex.Matcher party = java.util.regex.Pattern.compile("^parties\\[(\\d+)](.*)$").matcher(field);
    if (party.matches()) {
      int k = Integer.parseInt(party.group(1));
      int row = k < rows.size() ? rows.get(k) : k;
      field = "parties[" + row + "]" + party.group(2);
    }
    String key = "intake.error." + field.replaceAll("\\[\\d+]", "");
    errors.putIfAbsent(field, key);
  }
}
