package org.jiefen.calendar;

import java.time.LocalDate;

/** One line of a year's notice: the date, whether it is off or worked, and the holiday it belongs to (春节, 国庆节). */
public record CalendarDay(LocalDate date, DayKind kind, String name) {}
