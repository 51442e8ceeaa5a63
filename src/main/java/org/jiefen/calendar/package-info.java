/**
 * The public-holiday calendar that working-day clocks count on: per year, the days off
 * ({@code holiday}) and the adjusted working days ({@code workday}, 调休上班) of the State Council
 * notice. Owns the {@code calendar} index (one document per year), seeds missing years from
 * {@code calendar/holidays-cn.csv} at start, keeps an in-memory {@link
 * org.jiefen.calendar.HolidayCalendar} snapshot for arithmetic, and serves the administrators' API
 * under {@code /api/v1/calendar}. A year without data is reported, never guessed.
 */
package org.jiefen.calendar;
