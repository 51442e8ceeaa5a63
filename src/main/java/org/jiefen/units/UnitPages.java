package org.jiefen.units;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The unit pages of the workbench (administrators only, {@code /admin/**}): the tree, and plain
 * forms to create a unit below another or rename one, saved through {@link UnitEditor} as the API
 * saves them (same rules, same audit). A refused form comes back with what was typed and the
 * problem next to its field.
 */
@Controller
@WebPage
class UnitPages {

  /** A unit with the units below it: administrative units first, then departments, each by code. */
  record Node(Unit unit, List<Node> children) {}

  /** What the unit form posts; strings, so a wrong value comes back as typed. */
  record UnitForm(String code, String name, String level, String levelName, String parentCode, String type) {
    static UnitForm of(Unit u) {
      return new UnitForm(u.code(), u.name(), u.level().name(), u.levelName(), u.parentCode(), u.type().name());
    }
  }

  private final UnitDirectory units;
  private final UnitEditor editor;

  UnitPages(UnitDirectory units, UnitEditor editor) {
    this.units = units;
    this.editor = editor;
  }

  @GetMapping("/admin/units")
  String tree(Model model) {
    List<Unit> all = units.all();
    model.addAttribute("roots", tree(all));
    model.addAttribute("count", all.size());
    return "reference/units";
  }

  @GetMapping("/admin/units/new")
  String blank(@RequestParam(required = false) String parent, Model model) {
    Unit above = parent == null ? null : units.find(parent).filter(u -> !u.isDepartment()).orElse(null);
    UnitLevel level = above == null ? null : above.level() == UnitLevel.VILLAGE ? UnitLevel.VILLAGE
        : UnitLevel.values()[above.level().ordinal() + 1];
    UnitForm form = new UnitForm("", "", level == null ? "" : level.name(), "",
        above == null ? "" : above.code(), UnitType.ADMINISTRATIVE.name());
    return show(form, null, new FieldMessages(ERRORS), model);
  }

  @PostMapping("/admin/units/new")
  String create(@ModelAttribute UnitForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    FieldMessages errors = new FieldMessages(ERRORS);
    UnitRequest request = request(form, errors);
    if (errors.isEmpty()) {
      try {
        Unit saved = editor.create(request);
        return saved(saved, "created", redirect);
      } catch (FieldProblem problem) {
        errors.add(problem);
      }
    }
    response.setStatus(400);
    return show(form, null, errors, model);
  }

  @GetMapping("/admin/units/{code}")
  String edit(@PathVariable String code, Model model) {
    Unit unit = find(code);
    return show(UnitForm.of(unit), unit, new FieldMessages(ERRORS), model);
  }

  /** Renames a unit: only the names come from the form, its place in the tree stays as it is. */
  @PostMapping("/admin/units/{code}")
  String update(@PathVariable String code, @ModelAttribute UnitForm form, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    Unit unit = find(code);
    UnitForm renamed = new UnitForm(unit.code(), form.name(), unit.level().name(), form.levelName(), unit.parentCode(),
        unit.type().name());
    FieldMessages errors = new FieldMessages(ERRORS);
    try {
      return saved(editor.save(code, request(renamed, errors)), "saved", redirect);
    } catch (FieldProblem problem) {
      errors.add(problem);
    } catch (ConflictProblem moved) {
      errors.put("code", "moved");
    }
    response.setStatus(400);
    return show(renamed, unit, errors, model);
  }

  static final String ERRORS = "reference.unit.error";

  private String saved(Unit unit, String what, RedirectAttributes redirect) {
    redirect.addFlashAttribute("savedUnit", unit);
    redirect.addFlashAttribute("savedWhat", what);
    return "redirect:/admin/units#unit-" + unit.code();
  }

  private Unit find(String code) {
    return units.find(code).orElseThrow(() -> new NotFoundProblem("no unit " + code));
  }

  private String show(UnitForm form, Unit existing, FieldMessages errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("existing", existing);
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("levels", UnitLevel.values());
    model.addAttribute("types", UnitType.values());
    // parents: every unit a unit may sit below, in tree order
    List<Unit> parents = new ArrayList<>();
    flatten(tree(units.all()), parents);
    model.addAttribute("parents", parents.stream().filter(u -> !u.isDepartment()).toList());
    return "reference/unit";
  }

  /** The form as the editor's request; a level or type that is not one of ours is an error of its field. */
  private static UnitRequest request(UnitForm form, FieldMessages errors) {
    UnitLevel level = parse(UnitLevel.class, form.level(), "level", errors);
    UnitType type = parse(UnitType.class, form.type(), "type", errors);
    return new UnitRequest(trim(form.code()), form.name() == null ? null : form.name().strip(), level,
        form.levelName() == null ? null : form.levelName().strip(), trim(form.parentCode()), type);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, FieldMessages errors) {
    if (value == null || value.isBlank()) {
      if (type == UnitLevel.class) {
        errors.put(field, "notnull");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.put(field, "invalid");
      return null;
    }
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static List<Node> tree(List<Unit> all) {
    Map<String, List<Unit>> below = new HashMap<>();
    List<Unit> roots = new ArrayList<>();
    Map<String, Unit> byCode = new HashMap<>();
    all.forEach(u -> byCode.put(u.code(), u));
    for (Unit u : all) {
      if (u.parentCode() == null || !byCode.containsKey(u.parentCode())) {
        roots.add(u);
      } else {
        below.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
      }
    }
    return nodes(roots, below);
  }

  private static List<Node> nodes(List<Unit> level, Map<String, List<Unit>> below) {
    return level.stream()
        .sorted(Comparator.comparing(Unit::isDepartment).thenComparing(Unit::code))
        .map(u -> new Node(u, nodes(below.getOrDefault(u.code(), List.of()), below)))
        .toList();
  }

  private static void flatten(List<Node> nodes, List<Unit> out) {
    for (Node n : nodes) {
      out.add(n.unit());
      flatten(n.children(), out);
    }
  }
}
