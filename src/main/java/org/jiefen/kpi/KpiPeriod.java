package org.jiefen.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiefen.web.FieldProblem;

/**
 * A KPI period: whole days from {@code from} to {@code to}, both included, in Asia/Shanghai.
 * Given as {@code from}/{@code to} (ISO dates) or as {@code period}: a year ({@code 2026}), a
 * month ({@code 2026-05}) or a quarter ({@code 2026-Q2}); without either, the current year.
 */
record KpiPeriod(LocalDate from, LocalDate to) {

  /** Longest period: the monthly chart has a bucket per month. */
  static final int MAX_YEARS = 10;

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

  static KpiPeriod parse(String period, String from, String to, LocalDate today) {
    if (blank(from) && blank(to)) {
      return blank(period) ? year(today.getYear()) : shortcut(period.strip());
    }
    if (blank(from)) {
      throw new FieldProblem("from", "is required with to");
    }
    LocalDate start = date("from", from);
    LocalDate end = blank(to) ? today : date("to", to);
    if (start.isAfter(end)) {
      throw new FieldProblem("from", "is after to");
    }
    if (start.plusYears(MAX_YEARS).isBefore(end)) {
      throw new FieldProblem("to", "is more than " + MAX_YEARS + " years after from");
    }
    return new KpiPeriod(start, end);
  }

  /** The shortcut a period equals, e.g. {@code 2026-Q2}, or null for other periods. */
  String shortcut() {
    if (from.getDayOfMonth() == 1 && from.getMonthValue() == 1 && to.equals(from.plusYears(1).minusDays(1))) {
      return String.valueOf(from.getYear());
    }
    if (from.getDayOfMonth() == 1 && to.equals(from.plusMonths(3).minusDays(1)) && (from.getMonthValue() - 1) % 3 == 0) {
      return from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
    }
    if (from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1).minusDays(1))) {
      return YearMonth.from(from).toString();
    }
    return null;
  }

  private static KpiPeriod shortcut(String period) {
    try {
      Matcher m;
      if ((m = YEAR.matcher(period)).matches()) {
        return year(Integer.parseInt(m.group(1)));
      }
      if ((m = MONTH.matcher(period)).matches()) {
        YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return new KpiPeriod(month.atDay(1), month.atEndOfMonth());
      }
      if ((m = QUARTER.matcher(period)).matches()) {
        LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return new KpiPeriod(start, start.plusMonths(3).minusDays(1));
      }
    } catch (java.time.DateTimeException e) {
      // falls through: a month 13
    }
    throw new FieldProblem("period", "is a year (2026), a month (2026-05) or a quarter (2026-Q2)");
  }

  private static KpiPeriod year(int year) {
    return new KpiPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new FieldProblem(field, "is not a date (yyyy-mm-dd)");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
