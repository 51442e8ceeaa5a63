package org.jiefen.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jiefen.web.NotFoundProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday calendar for administrators (only they reach it, see the security configuration):
 * what is loaded and what is missing, one year as JSON or CSV, and replacing a year from the
 * State Council notice as CSV. Uploads are audited.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

  private static final String CSV = "text/csv";

  private final CalendarService calendar;
  private final CalendarUploads uploads;

  CalendarController(CalendarService calendar, CalendarUploads uploads) {
    this.calendar = calendar;
    this.uploads = uploads;
  }

  record YearSummary(
      int year, String source, String notice, Instant updated, String updatedBy, long holidays, long workdays) {}

  /** {@code missing}: of last, this and next year, those not loaded; {@code warning} says what that means. */
  record Overview(String zone, LocalDate today, List<YearSummary> years, List<Integer> missing, String warning) {}

  @GetMapping
  Overview overview() {
    List<YearSummary> years = calendar.years().stream()
        .map(y -> new YearSummary(y.year(), y.source(), y.notice(), y.updated(), y.updatedBy(), y.holidays(), y.workdays()))
        .toList();
    List<Integer> missing = calendar.missingAroundToday();
    String warning = missing.isEmpty() ? null
        : "未载入" + String.join("、", missing.stream().map(y -> y + "年").toList())
            + "节假日安排：涉及这些年份的工作日期限仅按周末推算，请按国务院办公厅通知上传。";
    return new Overview(calendar.zone().getId(), calendar.today(), years, missing, warning);
  }

  @GetMapping("/{year}")
  CalendarYear year(@PathVariable int year) {
    return loaded(year);
  }

  /** The year as the CSV an administrator edits and uploads again. */
  @GetMapping(value = "/{year}", produces = CSV + ";charset=UTF-8")
  String yearAsCsv(@PathVariable int year) {
    return CalendarCsv.write(loaded(year).days());
  }

  /**
   * Replaces the year with the CSV body ({@code date,kind,name}); {@code notice} names the State
   * Council notice it transcribes. A body with any invalid line stores nothing: 400 naming each
   * line and column ({@code line 3.kind}); too large, 413; not UTF-8 text, 400 ({@link CalendarUploads}).
   */
  @PutMapping(value = "/{year}", consumes = {CSV, "text/plain"})
  CalendarYear replace(
      @PathVariable int year, @RequestBody(required = false) byte[] body, @RequestParam(required = false) String notice) {
    return uploads.replace(year, body, notice);
  }

  private CalendarYear loaded(int year) {
    return calendar.year(year).orElseThrow(() -> new NotFoundProblem(
        "No calendar for " + year + ": the year is not loaded, and working-day clocks reaching into it count weekends only."));
  }
}
