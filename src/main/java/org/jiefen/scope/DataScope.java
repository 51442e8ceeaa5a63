package org.jiefen.scope;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.springframework.stereotype.Component;

/**
 * The one place that says what a user may see. Queries get {@link #caseFilter}/{@link #taskFilter}
 * added, single reads are checked with {@link #sees}; both rest on the unit path stored with each
 * case and task (the codes from the root down to its unit).
 */
@Component
public class DataScope {

  private final UnitDirectory units;

  DataScope(UnitDirectory units) {
    this.units = units;
  }

  /**
   * Whether the user sees a case or task at a unit with this path, currently addressed to {@code
   * currentUnit}. The staff of the unit working a case see it even outside the registering unit's
   * subtree (a petition forwarded to a department or reviewed a level up); a supervisor sees what
   * is addressed to their unit.
   */
  public boolean sees(AppUser user, List<String> unitPath, String currentUnit) {
    if (unitPath != null && unitPath.contains(user.unitCode())) {
      return true;
    }
    return user.unitCode().equals(currentUnit);
  }

  /** Whether the unit is the user's own or below it. */
  public boolean covers(AppUser user, String unitCode) {
    return units.find(unitCode).map(Unit::path).map(p -> p.contains(user.unitCode())).orElse(false);
  }

  /** Filter for the cases index. */
  public Query caseFilter(AppUser user) {
    return scoped(user, "unitPath", "currentUnitCode");
  }

  /** Filter for the task index. */
  public Query taskFilter(AppUser user) {
    return scoped(user, "unitPath", "unitCode");
  }

  /** The path of a unit, for documents that store it. Unknown units have an empty path (visible to no one). */
  public List<String> pathOf(String unitCode) {
    return units.find(unitCode).map(Unit::path).orElse(List.of());
  }

  private static Query scoped(AppUser user, String pathField, String currentField) {
    Query subtree = Query.of(q -> q.term(t -> t.field(pathField).value(user.unitCode())));
    Query addressed = Query.of(q -> q.term(t -> t.field(currentField).value(user.unitCode())));
    return Query.of(q -> q.bool(b -> b.should(subtree).should(addressed).minimumShouldMatch("1")));
  }
}
