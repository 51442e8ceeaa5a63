package org.jiefen.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiefen.web.CodedFieldProblem;
import org.jiefen.web.FieldMessages;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.FileProblem;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.WebPage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The holiday calendar pages of the workbench (administrators only, {@code /admin/**}): the years
 * loaded and those missing around today, a year as a month grid with its special days, the year's
 * CSV to download, and an upload form (a plain multipart form) that replaces a year through
 * {@link CalendarUploads} as the API does: same size limit, same text and line checks, same audit.
 * A refused file stores nothing and the page lists every problem with its line number.
 */
@Controller
@WebPage
class CalendarPages {

  static final String ERRORS = "reference.calendar.error";

  /** A problem of an uploaded file's line: a bundle key and its arguments (the line number first). */
  record LineError(String field, String key, Object[] args) {}

  /** A day of the month grid; {@code kind}: holiday, workday (adjusted working day), weekend or day. */
  record Cell(LocalDate date, String kind, String name) {}

  record MonthGrid(String name, List<List<Cell>> weeks) {}

  /** Consecutive days of the same kind and name: 2026-10-01 to 2026-10-08, holiday, 国庆节. */
  record Span(LocalDate from, LocalDate to, DayKind kind, String name, int days) {}

  /** What the upload form posted, shown again when it is refused. */
  record UploadForm(String year, String notice) {}

  private final CalendarService calendar;
  private final CalendarUploads uploads;

  CalendarPages(CalendarService calendar, CalendarUploads uploads) {
    this.calendar = calendar;
    this.uploads = uploads;
  }

  @GetMapping("/admin/calendar")
  String overview(Model model) {
    return show(new UploadForm(Integer.toString(suggestedYear()), ""), new FieldMessages(ERRORS), List.of(), model);
  }

  @PostMapping("/admin/calendar")
  String upload(@RequestParam(required = false) String year, @RequestParam(required = false) String notice,
      @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    UploadForm form = new UploadForm(year, notice);
    FieldMessages errors = new FieldMessages(ERRORS);
    List<LineError> lines = new ArrayList<>();
    Integer target = null;
    try {
      target = Integer.valueOf(year == null ? "" : year.strip());
    } catch (NumberFormatException e) {
      errors.put("year", "format");
    }
    String cleanNotice = notice == null || notice.isBlank() ? null : notice.strip();
    try {
      if (target != null) {
        uploads.checkTarget(target, cleanNotice);
      }
    } catch (FieldProblem problem) {
      errors.add(problem);
    }
    if (file == null || file.isEmpty()) {
      errors.put("body", "required");
    }
    if (errors.isEmpty()) {
      try {
        uploads.checkSize(file.getSize());
        CalendarYear stored = uploads.replace(target, bytes(file), cleanNotice);
        redirect.addFlashAttribute("uploaded", stored.year());
        return "redirect:/admin/calendar/" + stored.year();
      } catch (FileProblem problem) {
        errors.put(problem.field(), problem.reason(), Long.toString(uploads.maxBytes() / 1024));
      } catch (CodedFieldProblem problem) {
        for (CodedFieldProblem.Coded c : problem.coded()) {
          if (c.field().startsWith("line ")) {
            lines.add(new LineError(c.field(), "reference.calendar.line." + c.code(), c.args().toArray()));
          } else {
            errors.put(c.field(), c.code(), c.args().toArray());
          }
        }
      }
    }
    lines.sort(Comparator.comparingInt(e -> Integer.parseInt(e.args()[0].toString())));
    response.setStatus(400);
    return show(form, errors, lines, model);
  }

  @GetMapping("/admin/calendar/{year}")
  String year(@PathVariable String year, Model model) {
    CalendarYear loaded = loaded(year);
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("y", loaded);
    model.addAttribute("months", months(loaded, locale));
    model.addAttribute("spans", spans(loaded.days()));
    model.addAttribute("weekdays", Arrays.stream(DayOfWeek.values())
        .map(d -> d.getDisplayName(TextStyle.NARROW, locale)).toList());
    return "reference/calendar-year";
  }

  /** The year as the CSV the API gives: what an administrator edits and uploads again. */
  @GetMapping("/admin/calendar/{year}/csv")
  ResponseEntity<byte[]> csv(@PathVariable String year) {
    CalendarYear loaded = loaded(year);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("holidays-" + loaded.year() + ".csv").build().toString())
        .body(CalendarCsv.write(loaded.days()).getBytes(StandardCharsets.UTF_8));
  }

  private CalendarYear loaded(String year) {
    try {
      return calendar.year(Integer.parseInt(year)).orElseThrow(() -> new NotFoundProblem("no calendar for " + year));
    } catch (NumberFormatException e) {
      throw new NotFoundProblem("no calendar for " + year);
    }
  }

  private String show(UploadForm form, FieldMessages errors, List<LineError> lines, Model model) {
    int thisYear = calendar.today().getYear();
    model.addAttribute("years", calendar.years().reversed());
    model.addAttribute("missing", calendar.missingAroundToday());
    model.addAttribute("nextMissing", calendar.year(thisYear + 1).isEmpty());
    model.addAttribute("thisYear", thisYear);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("lineErrors", lines);
    model.addAttribute("maxKb", uploads.maxBytes() / 1024);
    return "reference/calendar";
  }

  /** The first year from this one on that is not loaded: the one an administrator most likely uploads. */
  private int suggestedYear() {
    int year = calendar.today().getYear();
    while (calendar.year(year).isPresent()) {
      year++;
    }
    return year;
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<MonthGrid> months(CalendarYear year, Locale locale) {
    Map<LocalDate, CalendarDay> special = new HashMap<>();
    year.days().forEach(d -> special.put(d.date(), d));
    List<MonthGrid> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year.year(), m);
      List<List<Cell>> weeks = new ArrayList<>();
      List<Cell> week = new ArrayList<>();
      for (int pad = 1; pad < month.atDay(1).getDayOfWeek().getValue(); pad++) {
        week.add(null);
      }
      for (int day = 1; day <= month.lengthOfMonth(); day++) {
        LocalDate date = month.atDay(day);
        CalendarDay s = special.get(date);
        String kind = s != null ? s.kind().code() : HolidayCalendar.weekend(date) ? "weekend" : "day";
        week.add(new Cell(date, kind, s == null ? null : s.name()));
        if (week.size() == 7) {
          weeks.add(week);
          week = new ArrayList<>();
        }
      }
      if (!week.isEmpty()) {
        while (week.size() < 7) {
          week.add(null);
        }
        weeks.add(week);
      }
      months.add(new MonthGrid(month.getMonth().getDisplayName(TextStyle.FULL, locale), weeks));
    }
    return months;
  }

  static List<Span> spans(List<CalendarDay> days) {
    List<Span> spans = new ArrayList<>();
    for (CalendarDay d : days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList()) {
      Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      if (last != null && last.kind() == d.kind() && last.name().equals(d.name()) && last.to().plusDays(1).equals(d.date())) {
        spans.set(spans.size() - 1, new Span(last.from(), d.date(), d.kind(), d.name(), last.days() + 1));
      } else {
        spans.add(new Span(d.date(), d.date(), d.kind(), d.name(), 1));
      }
    }
    return spans;
  }
}
