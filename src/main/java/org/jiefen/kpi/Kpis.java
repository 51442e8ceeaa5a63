package org.jiefen.kpi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jiefen.audit.AuditLog;
import org.jiefen.calendar.CalendarService;
import org.jiefen.scope.DataScope;
import org.jiefen.search.Indices;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.jiefen.web.FileProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * KPI reports for supervisors (leaders) and administrators: the unit they ask for must be theirs or
 * below it, and the cases counted are those their data scope lets them see ({@link
 * DataScope#caseFilter}), so a confidential petition outside their charge is not counted even in
 * their subtree. One Elasticsearch request per report ({@link KpiQuery}).
 */
@Service
class Kpis {

  private final UnitDirectory units;
  private final DataScope scope;
  private final CalendarService calendar;
  private final AuditLog audit;
  private final KpiQuery query;

  Kpis(UnitDirectory units, DataScope scope, CalendarService calendar, AuditLog audit,
      co.elastic.clients.elasticsearch.ElasticsearchClient es, Indices indices) {
    this.units = units;
    this.scope = scope;
    this.calendar = calendar;
    this.audit = audit;
    this.query = new KpiQuery(es, indices.caseSearch(), calendar.zone());
  }

  static boolean allowed(AppUser user) {
    return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
  }

  LocalDate today() {
    return calendar.today();
  }

  /**
   * The report of {@code unitCode} (blank: the user's unit) for the period.
   *
   * @throws AccessDeniedException for a user who is neither supervisor nor administrator
   * @throws FileProblem 404 for an unknown unit, 403 for a unit outside the user's (field {@code unit})
   */
  KpiReport report(AppUser user, String unitCode, KpiPeriod period) {
    if (!allowed(user)) {
      throw new AccessDeniedException("KPIs are for supervisors and administrators");
    }
    Unit unit = unit(user, unitCode);
    return query.run(scope.caseFilter(user), unit, children(unit), period.from(), period.to());
  }

  /** The unit asked for, checked against the user's. */
  Unit unit(AppUser user, String unitCode) {
    String code = unitCode == null || unitCode.isBlank() ? user.unitCode() : unitCode.strip();
    Unit unit = units.find(code).orElseThrow(() -> new FileProblem(HttpStatus.NOT_FOUND, "unit", "unknown",
        "is not a known unit"));
    if (!unit.path().contains(user.unitCode())) {
      audit.denied("KPIs of a unit outside the user's");
      throw new FileProblem(HttpStatus.FORBIDDEN, "unit", "scope", "is not your unit or below it");
    }
    return unit;
  }

  /** The units a user may choose: their own and those below it, in tree order. */
  List<Unit> choices(AppUser user) {
    return units.all().stream().filter(u -> u.path().contains(user.unitCode()))
        .sorted(Comparator.comparing((Unit u) -> String.join("/", u.path()))).toList();
  }

  private List<Unit> children(Unit unit) {
    return units.all().stream().filter(u -> unit.code().equals(u.parentCode()))
        .sorted(Comparator.comparing(Unit::code)).toList();
  }
}
