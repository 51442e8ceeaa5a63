package org.jiefen.mediation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jiefen.cases.Agreements;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.units.UnitLevel;
import org.jiefen.users.Role;
import org.jiefen.users.UserDirectory;
import org.springframework.stereotype.Service;

/**
 * How a mediation case moves through the unit tree: it starts at the origin's ancestor on the
 * level triage chose (never below the origin), escalates to the parent unit, and stops at a
 * county-level unit, or at the top of a tree without one (a city that has no counties, such as
 * Dongguan or Zhongshan, escalates from the town to the city).
 */
@Service
public class MediationLevels {

  /** A level reached: its unit, and the instants of its yellow warning and its deadline. */
  public record Level(Unit unit, Instant warn, Instant due) {

    /** VILLAGE, TOWN, COUNTY (or CITY where a city has no counties). */
    public String level() {
      return unit.level().name();
    }
  }

  private final UnitDirectory units;
  private final UserDirectory users;
  private final MediationSettings settings;
  private final Clock clock;

  MediationLevels(UnitDirectory units, UserDirectory users, MediationSettings settings, Clock clock) {
    this.units = units;
    this.users = users;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The unit where mediation starts for a dispute that arose at {@code originUnitCode}. A
   * functional department is never a mediation level: a dispute registered at one (a petition
   * referred to mediation) starts at the government unit the department belongs to.
   */
  public Unit start(String originUnitCode, String startLevel) {
    UnitLevel wanted = startLevel == null ? UnitLevel.VILLAGE : UnitLevel.valueOf(startLevel);
    return start(unit(originUnitCode), wanted, units::parent);
  }

  /** The unit one level up, or empty when {@code unitCode} is the top mediation level. */
  public Optional<Unit> above(String unitCode) {
    return above(unit(unitCode), units::parent);
  }

  static Unit start(Unit origin, UnitLevel wanted, Function<Unit, Optional<Unit>> parentOf) {
    Unit unit = administrative(origin, parentOf);
    while (unit.level().ordinal() > wanted.ordinal()) {
      Optional<Unit> parent = parentOf.apply(unit);
      if (parent.isEmpty()) {
        break;
      }
      unit = parent.get();
    }
    return unit;
  }

  static Optional<Unit> above(Unit from, Function<Unit, Optional<Unit>> parentOf) {
    Unit unit = administrative(from, parentOf);
    if (unit.level().ordinal() <= UnitLevel.COUNTY.ordinal()) {
      return Optional.empty();
    }
    return parentOf.apply(unit);
  }

  /** The unit itself, or for a functional department the government unit it belongs to. */
  static Unit administrative(Unit unit, Function<Unit, Optional<Unit>> parentOf) {
    Unit at = unit;
    while (at.isDepartment()) {
      Optional<Unit> parent = parentOf.apply(at);
      if (parent.isEmpty()) {
        throw new IllegalArgumentException("department " + at.code() + " belongs to no unit");
      }
      at = parent.get();
    }
    return at;
  }

  /** Entering a level now: its deadline and warning, on the app clock (the engine's in local mode). */
  public Level enter(Unit unit) {
    Instant due = clock.instant().plus(settings.levelDeadline()).truncatedTo(ChronoUnit.SECONDS);
    return new Level(unit, due.minus(settings.warningBefore()), due);
  }

  /** The unit's mediators, for the parties' choice (Art. 19): usernames and staff names, no party data. */
  public List<Agreements.Option> mediators(String unitCode) {
    return users.withRole(Role.MEDIATOR, unitCode).stream()
        .map(u -> new Agreements.Option(u.displayName(), u.username()))
        .toList();
  }

  public boolean isMediatorOf(String username, String unitCode) {
    return users.withRole(Role.MEDIATOR, unitCode).stream().anyMatch(u -> u.username().equals(username));
  }

  public Unit unit(String code) {
    return units.find(code).orElseThrow(() -> new IllegalArgumentException("no unit " + code));
  }
}
