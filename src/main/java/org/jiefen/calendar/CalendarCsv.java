package org.jiefen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jiefen.web.CodedFieldProblem;
import org.jiefen.web.CodedFieldProblem.Coded;

/**
 * Reads and checks the calendar's CSV ({@code date,kind,name}, one day a line, as
 * {@code holidays-cn.csv}). Every problem is reported with the line it is on, counted from 1 in the
 * file as sent (header and blank lines included), as the field {@code line <n>.<column>}, with a
 * code pages translate (the line number first among its arguments); a file with any problem yields
 * nothing.
 *
 * <p>Rules: dates as {@code yyyy-MM-dd}, inside the year being loaded; kind {@code holiday} (a day
 * off) or {@code workday} (an adjusted working day, 调休上班); a name of at most 30 characters; no
 * date twice; a workday falls on a Saturday or Sunday (a weekday is worked anyway); a holiday on a
 * Saturday or Sunday belongs to a span of consecutive holidays that includes a weekday (the notice
 * lists the weekend days inside a holiday, never a plain weekend). The header line is optional;
 * blank lines and lines starting with {@code #} are skipped.
 */
public final class CalendarCsv {

  /** More lines than any year has days is not a calendar. */
  static final int MAX_LINES = 400;
  static final int MAX_NAME = 30;
  private static final int MAX_REPORTED = 50;
  private static final Pattern HEADER = Pattern.compile("\\s*date\\s*,\\s*kind\\s*,\\s*name\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}<>\"]+");

  private CalendarCsv() {}

  /** The days of one year; every date must be in {@code year}. */
  public static List<CalendarDay> year(int year, String text) {
    return parse(text, year).getOrDefault(year, List.of());
  }

  /** The days of every year in the text (the seed file), by year, each year checked on its own. */
  public static Map<Integer, List<CalendarDay>> years(String text) {
    return parse(text, null);
  }

  /** The year as CSV, in date order, with the header: what an administrator downloads, edits and uploads. */
  public static String write(List<CalendarDay> days) {
    StringBuilder out = new StringBuilder("date,kind,name\n");
    days.stream()
        .sorted(java.util.Comparator.comparing(CalendarDay::date))
        .forEach(d -> out.append(d.date()).append(',').append(d.kind().code()).append(',').append(d.name()).append('\n'));
    return out.toString();
  }

  private record Line(int number, CalendarDay day) {}

  private static Map<Integer, List<CalendarDay>> parse(String text, Integer expectedYear) {
    List<Coded> problems = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] raw = body.split("\r\n|\n|\r", -1);
    int content = 0;
    boolean first = true;
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      int number = i + 1;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (first && HEADER.matcher(line).matches()) {
        first = false;
        continue;
      }
      first = false;
      if (++content > MAX_LINES) {
        problems.add(new Coded("body", "tooManyLines", "has more than " + MAX_LINES + " lines of days", Integer.toString(MAX_LINES)));
        break;
      }
      CalendarDay day = line(number, line, expectedYear, problems);
      if (day != null) {
        lines.add(new Line(number, day));
      }
    }
    if (content == 0) {
      problems.add(new Coded("body", "noDays", "lists no days; expected lines of date,kind,name"));
    }
    checkDuplicates(lines, problems);
    checkWeekends(lines, problems);
    if (!problems.isEmpty()) {
      throw new CodedFieldProblem(problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems);
    }
    return lines.stream()
        .map(Line::day)
        .collect(Collectors.groupingBy(d -> d.date().getYear(), TreeMap::new, Collectors.toList()));
  }

  private static CalendarDay line(int number, String line, Integer expectedYear, List<Coded> problems) {
    String[] columns = line.split(",", -1);
    if (columns.length != 3) {
      problems.add(violation(number, null, "columns", "must have three columns: date,kind,name (a name may not contain a comma)"));
      return null;
    }
    int before = problems.size();
    LocalDate date = null;
    String dateText = columns[0].strip();
    try {
      date = LocalDate.parse(dateText);
      if (expectedYear != null && date.getYear() != expectedYear) {
        problems.add(violation(number, "date", "dateYear", dateText + " is not in " + expectedYear, dateText,
            Integer.toString(expectedYear)));
      }
    } catch (DateTimeParseException e) {
      problems.add(violation(number, "date", "dateFormat", "must be a date as yyyy-MM-dd"));
    }
    DayKind kind = switch (columns[1].strip()) {
      case "holiday" -> DayKind.HOLIDAY;
      case "workday" -> DayKind.WORKDAY;
      default -> {
        problems.add(violation(number, "kind", "kind", "must be holiday or workday"));
        yield null;
      }
    };
    String name = columns[2].strip();
    if (name.isEmpty()) {
      problems.add(violation(number, "name", "nameMissing", "must name the holiday, e.g. 春节"));
    } else if (name.length() > MAX_NAME) {
      problems.add(violation(number, "name", "nameLength", "must be at most " + MAX_NAME + " characters",
          Integer.toString(MAX_NAME)));
    } else if (!NAME.matcher(name).matches()) {
      problems.add(violation(number, "name", "nameChars", "must not contain control characters, <, > or quotes"));
    }
    if (kind == DayKind.WORKDAY && date != null && !HolidayCalendar.weekend(date)) {
      problems.add(violation(number, "kind", "workdayOnWeekday",
          "a workday (adjusted working day) must fall on a Saturday or Sunday; " + date + " is a " + dayName(date),
          date.toString()));
    }
    return problems.size() == before ? new CalendarDay(date, kind, name) : null;
  }

  private static void checkDuplicates(List<Line> lines, List<Coded> problems) {
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (Line line : lines) {
      Integer earlier = seen.putIfAbsent(line.day().date(), line.number());
      if (earlier != null) {
        problems.add(violation(line.number(), "date", "dateRepeated",
            line.day().date() + " is already listed on line " + earlier, line.day().date().toString(), earlier.toString()));
      }
    }
  }

  /** A holiday on a weekend only inside a span of holidays that reaches a weekday. */
  private static void checkWeekends(List<Line> lines, List<Coded> problems) {
    Set<LocalDate> holidays = lines.stream()
        .filter(l -> l.day().kind() == DayKind.HOLIDAY)
        .map(l -> l.day().date())
        .collect(Collectors.toSet());
    for (Line line : lines) {
      LocalDate date = line.day().date();
      if (line.day().kind() != DayKind.HOLIDAY || !HolidayCalendar.weekend(date)) {
        continue;
      }
      if (!spanReachesWeekday(date, holidays)) {
        problems.add(violation(line.number(), "kind", "weekendHoliday", date + " is a " + dayName(date)
            + " and off anyway; a holiday on a weekend belongs only inside a span of holidays that includes a weekday",
            date.toString()));
      }
    }
  }

  private static boolean spanReachesWeekday(LocalDate date, Set<LocalDate> holidays) {
    for (LocalDate d = date; holidays.contains(d); d = d.minusDays(1)) {
      if (!HolidayCalendar.weekend(d)) {
        return true;
      }
    }
    for (LocalDate d = date; holidays.contains(d); d = d.plusDays(1)) {
      if (!HolidayCalendar.weekend(d)) {
        return true;
      }
    }
    return false;
  }

  private static String dayName(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
  }

  /** A problem of a line; its arguments are the line number (as text: no digit grouping) and {@code args}. */
  private static Coded violation(int line, String column, String code, String message, String... args) {
    List<Object> all = new ArrayList<>();
    all.add(Integer.toString(line));
    all.addAll(List.of(args));
    return new Coded(column == null ? "line " + line : "line " + line + "." + column, code, all, message);
  }
}
