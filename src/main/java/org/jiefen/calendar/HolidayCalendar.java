package org.jiefen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable snapshot of the calendar for arithmetic: which dates are days off and which weekend
 * days are worked, for the years that are loaded. Safe to share between threads; the calendar
 * service swaps in a new snapshot when a year changes.
 */
public final class HolidayCalendar {

  public static final HolidayCalendar EMPTY = new HolidayCalendar(Map.of());

  private final Map<Integer, Map<LocalDate, DayKind>> years;

  private HolidayCalendar(Map<Integer, Map<LocalDate, DayKind>> years) {
    this.years = years;
  }

  /** The years of {@code yearsLoaded}, each with its days; a year is known even when it lists no day. */
  public static HolidayCalendar of(Map<Integer, ? extends Collection<CalendarDay>> yearsLoaded) {
    Map<Integer, Map<LocalDate, DayKind>> copy = new HashMap<>();
    yearsLoaded.forEach((year, days) -> {
      Map<LocalDate, DayKind> byDate = new HashMap<>();
      for (CalendarDay day : days) {
        if (day.date().getYear() != year) {
          throw new IllegalArgumentException(day.date() + " is not in " + year);
        }
        byDate.put(day.date(), day.kind());
      }
      copy.put(year, Map.copyOf(byDate));
    });
    return new HolidayCalendar(Map.copyOf(copy));
  }

  /** Whether the notice for {@code year} is loaded. */
  public boolean knows(int year) {
    return years.containsKey(year);
  }

  public SortedSet<Integer> years() {
    return new TreeSet<>(years.keySet());
  }

  /**
   * Whether the date is a working day: an adjusted working day (调休上班) is, a holiday is not,
   * otherwise Monday to Friday are. In a year that is not loaded only weekends are off, and the
   * year is added to {@code unknownYears} so the caller can say its result is a fallback.
   */
  public boolean isWorkingDay(LocalDate date, Set<Integer> unknownYears) {
    Map<LocalDate, DayKind> year = years.get(date.getYear());
    if (year == null) {
      unknownYears.add(date.getYear());
      return !weekend(date);
    }
    DayKind kind = year.get(date);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    return !weekend(date);
  }

  static boolean weekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
