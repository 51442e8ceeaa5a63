package org.jiefen.clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jiefen.calendar.HolidayCalendar;

/**
 * Clock arithmetic on one calendar snapshot, in one zone (Asia/Shanghai). Pure: the same inputs
 * give the same instants.
 *
 * <ul>
 *   <li><b>The start day is not counted</b> (民事诉讼法 Art. 85): a 15d clock started at any time on
 *       2 November runs to the end of 17 November; a 5wd clock counts the five working days after
 *       the start day.
 *   <li><b>A due instant is the end of the last day</b>, represented as 00:00 of the next day in
 *       the zone (exclusive: the clock is overdue from that instant on). {@link #lastDay} gives the
 *       last day back.
 *   <li><b>Roll-over</b> (calendar-day clocks that set it): a last day that is not a working day
 *       moves to the next working day.
 *   <li><b>Years without data</b>: a count that needs to know whether a day of such a year is
 *       worked assumes Monday to Friday are, and the answer names the year ({@link
 *       Plan#unknownYears}), so the case can show that the date is a fallback.
 *   <li><b>Pauses</b> push the due date by the days paused, counted in the clock's own unit: the
 *       days from the pause's day up to (not including) the resume's day, and of those, for a
 *       working-day clock, only the working days. A pause that ends the day it began pushes nothing.
 *   <li><b>Extensions</b> add their length to the current due date, in the extension's unit, with
 *       the clock's roll-over.
 * </ul>
 */
public final class Deadlines {

  /** Instants a clock was given, and the years of missing data they depend on. */
  public record Plan(Instant warnAt, Instant due, int pushedBy, SortedSet<Integer> unknownYears) {

    /** The text the case shows when the plan rests on a year without data, or null. */
    public String calendarWarning() {
      return CalendarWarnings.text(unknownYears);
    }
  }

  private final HolidayCalendar calendar;
  private final ZoneId zone;

  public Deadlines(HolidayCalendar calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** A clock started at {@code start}: its due instant and its warning instant. */
  public Plan start(ClockDefinition clock, Instant start) {
    SortedSet<Integer> unknown = new TreeSet<>();
    Instant due = after(endOf(day(start)), clock.length(), clock.rollOver(), unknown);
    return new Plan(warnAt(clock, start, due, unknown), due, 0, Collections.unmodifiableSortedSet(unknown));
  }

  /** The clock's due date moved on by {@code by} from {@code due}. */
  public Plan extend(ClockDefinition clock, Instant start, Instant due, ClockLength by) {
    SortedSet<Integer> unknown = new TreeSet<>();
    Instant next = after(due, by, clock.rollOver(), unknown);
    return new Plan(warnAt(clock, start, next, unknown), next, by.amount(), Collections.unmodifiableSortedSet(unknown));
  }

  /** The clock's due date after a pause from {@code pausedFrom} to {@code resumedAt}; {@code pushedBy} is the days added. */
  public Plan resume(ClockDefinition clock, Instant start, Instant due, Instant pausedFrom, Instant resumedAt) {
    SortedSet<Integer> unknown = new TreeSet<>();
    int paused = pausedDays(pausedFrom, resumedAt, clock.length().unit(), unknown);
    Instant next = paused == 0 ? due : after(due, new ClockLength(paused, clock.length().unit()), clock.rollOver(), unknown);
    return new Plan(warnAt(clock, start, next, unknown), next, paused, Collections.unmodifiableSortedSet(unknown));
  }

  /** The last day of a clock due at {@code due}: the day that ends at that instant. */
  public LocalDate lastDay(Instant due) {
    return day(due.minusNanos(1));
  }

  /** The end of {@code day}: 00:00 of the next day in the zone. */
  public Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public LocalDate day(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** Whether people work on the date (see {@link HolidayCalendar#isWorkingDay}). */
  public boolean isWorkingDay(LocalDate date, SortedSet<Integer> unknownYears) {
    return calendar.isWorkingDay(date, unknownYears);
  }

  /** The end of the day {@code length} after the last day of {@code due}, rolled over if asked. */
  Instant after(Instant due, ClockLength length, boolean rollOver, SortedSet<Integer> unknown) {
    LocalDate last = lastDay(due);
    if (length.unit() == ClockLength.Unit.DAYS) {
      last = last.plusDays(length.amount());
      if (rollOver) {
        while (!calendar.isWorkingDay(last, unknown)) {
          last = last.plusDays(1);
        }
      }
    } else {
      for (int counted = 0; counted < length.amount(); ) {
        last = last.plusDays(1);
        if (calendar.isWorkingDay(last, unknown)) {
          counted++;
        }
      }
    }
    return endOf(last);
  }

  /**
   * The yellow instant: the start of the earliest day of the last {@code n} days (or working days)
   * before due, by the clock's rule; never before the start; null without a rule.
   */
  Instant warnAt(ClockDefinition clock, Instant start, Instant due, SortedSet<Integer> unknown) {
    if (clock.warning() == null) {
      return null;
    }
    ClockLength before = clock.warning().before(clock.length());
    LocalDate day = lastDay(due);
    if (before.unit() == ClockLength.Unit.DAYS) {
      day = day.minusDays(before.amount() - 1L);
    } else {
      // the n-th working day counted back from the last day (itself included when worked)
      int counted = 0;
      for (; ; day = day.minusDays(1)) {
        if (calendar.isWorkingDay(day, unknown) && ++counted == before.amount()) {
          break;
        }
        if (day.isBefore(day(start))) {
          break;
        }
      }
    }
    Instant warn = day.atStartOfDay(zone).toInstant();
    return warn.isBefore(start) ? start : warn;
  }

  /** Days from the pause's day up to, not including, the resume's day; for working days only those worked. */
  public int pausedDays(Instant from, Instant to, ClockLength.Unit unit) {
    return pausedDays(from, to, unit, new TreeSet<>());
  }

  int pausedDays(Instant from, Instant to, ClockLength.Unit unit, SortedSet<Integer> unknown) {
    LocalDate first = day(from);
    LocalDate end = day(to);
    int days = 0;
    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
      if (unit == ClockLength.Unit.DAYS || calendar.isWorkingDay(d, unknown)) {
        days++;
      }
    }
    return days;
  }
}
