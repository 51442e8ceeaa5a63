package org.jiefen.petition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jiefen.cases.Agreements;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.units.UnitLevel;
import org.springframework.stereotype.Service;

/**
 * The unit tree as petition handling reads it.
 *
 * <ul>
 *   <li><b>The unit above</b> a unit is its parent: for an administrative unit the next level up,
 *       for a department (职能部门) the government it belongs to. The top of the tree has none
 *       above it and answers itself (it reviews and supervises its own matters).
 *   <li><b>Targets</b> of a forward (转送) or assignment (交办) from a petition office: the
 *       departments under the office's county-level unit, that unit itself and the administrative
 *       units under it down to the township level, but not the office itself. Villages and
 *       communities are left out: they are self-governing organisations, not the organs and
 *       bodies the 信访工作条例 sends matters to, and a district's hundred communities would bury
 *       the choices that matter. An office above county level (a city) uses its own subtree.
 * </ul>
 */
@Service
public class PetitionUnits {

  private final UnitDirectory units;

  PetitionUnits(UnitDirectory units) {
    this.units = units;
  }

  /** The unit above {@code code}, or the unit itself at the top of the tree; an unknown code is an IllegalArgumentException. */
  public Unit above(String code) {
    return above(unit(code), units::parent);
  }

  /** Where the office at {@code officeCode} may forward or assign a matter: departments first, then by code. */
  public List<Agreements.Option> targets(String officeCode) {
    return targets(unit(officeCode), units.all(), units::parent);
  }

  /** The nearest administrative unit at or above {@code code}: where a department's matters are mediated. */
  public Unit administrative(String code) {
    return administrative(unit(code), units::parent);
  }

  public Unit unit(String code) {
    return units.find(code).orElseThrow(() -> new IllegalArgumentException("no unit " + code));
  }

  static Unit above(Unit unit, Function<Unit, Optional<Unit>> parentOf) {
    return parentOf.apply(unit).orElse(unit);
  }

  static List<Agreements.Option> targets(Unit office, Collection<Unit> all, Function<Unit, Optional<Unit>> parentOf) {
    Unit root = county(office, parentOf);
    return all.stream()
        .filter(u -> u.path() != null && u.path().contains(root.code()))
        .filter(u -> !u.code().equals(office.code()))
        .filter(u -> isDepartment(u) || u.level().ordinal() <= UnitLevel.TOWN.ordinal())
        .sorted(Comparator.comparing((Unit u) -> !isDepartment(u)).thenComparing(Unit::code))
        .map(u -> new Agreements.Option(u.name(), u.code()))
        .toList();
  }

  static Unit administrative(Unit unit, Function<Unit, Optional<Unit>> parentOf) {
    Unit at = unit;
    while (isDepartment(at)) {
      Optional<Unit> parent = parentOf.apply(at);
      if (parent.isEmpty()) {
        break;
      }
      at = parent.get();
    }
    return at;
  }

  /** The county-level unit at or above the office (the office itself when it sits higher). */
  static Unit county(Unit office, Function<Unit, Optional<Unit>> parentOf) {
    Unit unit = administrative(office, parentOf);
    while (unit.level().ordinal() > UnitLevel.COUNTY.ordinal()) {
      Optional<Unit> parent = parentOf.apply(unit);
      if (parent.isEmpty()) {
        break;
      }
      unit = parent.get();
    }
    return unit;
  }

  static boolean isDepartment(Unit unit) {
    return unit.isDepartment();
  }
}
