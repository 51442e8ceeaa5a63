package org.jiefen.units;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

  private final UnitDirectory units;
  private final AuditLog audit;

  UnitController(UnitDirectory units, AuditLog audit) {
    this.units = units;
    this.audit = audit;
  }

  @GetMapping
  List<Unit> list() {
    return units.all();
  }

  @GetMapping("/{code}")
  Unit get(@PathVariable String code) {
    return units.find(code).orElseThrow(() -> new NotFoundProblem("no unit " + code));
  }

  record UnitRequest(
      @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String code,
      @NotBlank @Size(max = 50) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain <, > or control characters")
          String name,
      @NotNull UnitLevel level,
      @NotBlank @Size(max = 10) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain <, > or control characters")
          String levelName,
      @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String parentCode,
      // ADMINISTRATIVE when left out, so clients that predate departments keep working
      UnitType type) {}

  /**
   * Creates a unit or renames an existing one (administrators only). Moving a unit to another
   * parent, or changing its level or type, is refused: the paths stored with its cases and tasks
   * would have to be rewritten first. An administrative unit sits below its parent's level; a
   * functional department (职能部门) sits on its parent's level (it is part of that government) and
   * no unit sits below a department.
   */
  @PutMapping("/{code}")
  Unit save(@PathVariable String code, @Valid @RequestBody UnitRequest request) {
    if (!code.equals(request.code())) {
      throw new FieldProblem("code", "must match the path");
    }
    UnitType type = request.type() == null ? UnitType.ADMINISTRATIVE : request.type();
    Unit parent = null;
    if (request.parentCode() != null) {
      parent = units.find(request.parentCode()).orElseThrow(() -> new FieldProblem("parentCode", "no such unit"));
      if (parent.isDepartment()) {
        throw new FieldProblem("parentCode", "is a department; departments have no units below them");
      }
      if (type == UnitType.DEPARTMENT && parent.level() != request.level()) {
        throw new FieldProblem("level", "a department is on its parent's level " + parent.level());
      }
      if (type == UnitType.ADMINISTRATIVE && parent.level().ordinal() >= request.level().ordinal()) {
        throw new FieldProblem("level", "must be below the parent's level " + parent.level());
      }
    } else if (type == UnitType.DEPARTMENT) {
      throw new FieldProblem("parentCode", "is required for a department: the government it belongs to");
    } else if (units.all().stream().anyMatch(u -> u.parentCode() == null && !u.code().equals(code))) {
      throw new FieldProblem("parentCode", "is required: the tree already has its root");
    }
    units.find(code).ifPresent(existing -> {
      if (!java.util.Objects.equals(existing.parentCode(), request.parentCode()) || existing.level() != request.level()
          || existing.type() != type) {
        throw new ConflictProblem("unit " + code + " cannot move or change level or type; create a new unit instead");
      }
    });
    units.saveAll(List.of(new Unit(code, request.name().strip(), request.level(), request.levelName().strip(),
        request.parentCode(), List.of(), type)));
    audit.record(AuditAction.UNIT_SAVED, null, code); // audit
    return get(code);
  }
}
