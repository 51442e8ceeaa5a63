package org.jiefen.mediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How a mediation case moves through the unit tree: it starts at the origin's ancestor on the
 * level triage chose (never below the origin), escalates to the parent unit, and stops at a
 * county-level unit, or at the top of a tree without one (a city that has no counties, such as
 * Dongguan or Zhongshan, escalates from the town to the city).
 */
@Service
public class MediationLevels {

  private static final Logger LOG = LoggerFactory.getLogger(MediationLevels.class);

  /** The variables {@link #deadlineVariable} names, village first. */
  public static final List<String> DEADLINE_VARIABLES = List.of("villageDeadline", "townDeadline", "countyDeadline");

  /** The longest level deadline a model may set; anything longer is taken for a typing mistake. */
  public static final Duration LONGEST_DEADLINE = Duration.ofDays(366);

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

  /**
   * Entering a level now: its deadline and warning, on the app clock (the engine's in local mode).
   * The deadline is the model's for the level ({@code modelDeadline}, the value of the variable
   * {@link #deadlineVariable} names), or {@code jiefen.mediation.level-deadline} when the instance
   * has none (started before the model carried its deadlines) or it is not a deadline
   * ({@link #parseDeadline}; logged). The warning comes {@code jiefen.mediation.warning-before}
   * before the deadline, or halfway when the deadline is not longer than that.
   */
  public Level enter(Unit unit, Object modelDeadline) {
    Duration deadline = settings.levelDeadline();
    if (modelDeadline != null) {
      Optional<Duration> fromModel = parseDeadline(modelDeadline);
      if (fromModel.isPresent()) {
        deadline = fromModel.get();
      } else {
        LOG.warn("the mediation model's {} is not a deadline such as P30D (a positive duration of at most {} days);"
            + " the level at unit {} gets jiefen.mediation.level-deadline {}",
            deadlineVariable(unit.level()), LONGEST_DEADLINE.toDays(), unit.code(), deadline);
      }
    }
    return times(unit, clock.instant(), deadline, settings.warningBefore());
  }

  static Level times(Unit unit, Instant now, Duration deadline, Duration warningBefore) {
    Instant due = now.plus(deadline).truncatedTo(ChronoUnit.SECONDS);
    Duration lead = warningBefore.compareTo(deadline) < 0 ? warningBefore : deadline.dividedBy(2);
    return new Level(unit, due.minus(lead), due);
  }

  /**
   * The process variable that holds a level's deadline. The mediation model's start event sets one
   * per level (output mappings {@code villageDeadline = "P30D"}, ...), so an administrator changes
   * them in the model, and each instance keeps the deadlines of the version it started on. A city
   * without counties mediates at the city last, with the county's deadline.
   */
  public static String deadlineVariable(UnitLevel level) {
    return switch (level) {
      case VILLAGE -> "villageDeadline";
      case TOWN -> "townDeadline";
      case COUNTY, CITY -> "countyDeadline";
    };
  }

  /**
   * A level deadline as a model gives it: an ISO-8601 duration of days and hours ({@code "P30D"},
   * {@code "P10DT12H"}; months and years are not fixed lengths and are not taken), positive and at
   * most {@link #LONGEST_DEADLINE}; empty when the value is anything else.
   */
  public static Optional<Duration> parseDeadline(Object value) {
    Duration deadline;
    if (value instanceof Duration d) {
      deadline = d;
    } else if (value instanceof String s) {
      try {
        deadline = Duration.parse(s.strip());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return deadline.isPositive() && deadline.compareTo(LONGEST_DEADLINE) <= 0 ? Optional.of(deadline) : Optional.empty();
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
