package org.jiefen.units;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.web.CodedFieldProblem;
import org.jiefen.web.ConflictProblem;
import org.springframework.stereotype.Service;

/**
 * Creates and renames units for administrators, for the API ({@code PUT /api/v1/units/{code}}) and
 * the unit pages alike: the same checks, the same audit ({@code UNIT_SAVED}).
 *
 * <p>Moving a unit to another parent, or changing its level or type, is refused: the paths stored
 * with its cases and tasks would have to be rewritten first. An administrative unit sits below its
 * parent's level; a functional department (职能部门) sits on its parent's level (it is part of that
 * government) and no unit sits below a department. The tree has one root.
 */
@Service
class UnitEditor {

  private final UnitDirectory units;
  private final Validator validator;
  private final AuditLog audit;

  UnitEditor(UnitDirectory units, Validator validator, AuditLog audit) {
    this.units = units;
    this.validator = validator;
    this.audit = audit;
  }

  /** Creates a unit; a code already in the tree is refused at the field {@code code}. */
  Unit create(UnitRequest request) {
    checkFields(request);
    if (units.find(request.code()).isPresent()) {
      throw new CodedFieldProblem("code", "exists", "is already the code of a unit");
    }
    return save(request.code(), request);
  }

  /** Creates the unit {@code code} or renames it (the API's PUT). */
  Unit save(String code, UnitRequest request) {
    checkFields(request);
    if (!code.equals(request.code())) {
      throw new CodedFieldProblem("code", "path", "must match the path");
    }
    UnitType type = request.type() == null ? UnitType.ADMINISTRATIVE : request.type();
    checkPlace(code, request, type);
    units.find(code).ifPresent(existing -> {
      if (!Objects.equals(existing.parentCode(), request.parentCode()) || existing.level() != request.level()
          || existing.type() != type) {
        throw new ConflictProblem("unit " + code + " cannot move or change level or type; create a new unit instead");
      }
    });
    units.saveAll(List.of(new Unit(code, request.name().strip(), request.level(), request.levelName().strip(),
        request.parentCode(), List.of(), type)));
    audit.record(AuditAction.UNIT_SAVED, null, code); // audit
    return units.find(code).orElseThrow();
  }

  /** The bean constraints of the request (the API checks them before, the page has only this). */
  private void checkFields(UnitRequest request) {
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new CodedFieldProblem(violations.stream()
          .sorted(java.util.Comparator.comparing((ConstraintViolation<UnitRequest> v) -> v.getPropertyPath().toString()))
          .map(v -> new CodedFieldProblem.Coded(v.getPropertyPath().toString(),
              v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName().toLowerCase(Locale.ROOT),
              v.getMessage()))
          .toList());
    }
  }

  private void checkPlace(String code, UnitRequest request, UnitType type) {
    if (request.parentCode() != null) {
      Unit parent = units.find(request.parentCode())
          .orElseThrow(() -> new CodedFieldProblem("parentCode", "unknown", "no such unit"));
      if (parent.isDepartment()) {
        throw new CodedFieldProblem("parentCode", "department", "is a department; departments have no units below them");
      }
      if (type == UnitType.DEPARTMENT && parent.level() != request.level()) {
        throw new CodedFieldProblem("level", "departmentLevel", "a department is on its parent's level " + parent.level());
      }
      if (type == UnitType.ADMINISTRATIVE && parent.level().ordinal() >= request.level().ordinal()) {
        throw new CodedFieldProblem("level", "belowParent", "must be below the parent's level " + parent.level());
      }
    } else if (type == UnitType.DEPARTMENT) {
      throw new CodedFieldProblem("parentCode", "departmentParent", "is required for a department: the government it belongs to");
    } else if (units.all().stream().anyMatch(u -> u.parentCode() == null && !u.code().equals(code))) {
      throw new CodedFieldProblem("parentCode", "required", "is required: the tree already has its root");
    }
  }
}
