package org.jiefen.calendar;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
  private static final Pattern NOTICE = Pattern.compile("[^\\p{Cntrl}<>]{1,60}");

  private final CalendarService calendar;
  private final CalendarProperties properties;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  CalendarController(CalendarService calendar, CalendarProperties properties, CurrentUser currentUser, AuditLog audit) {
    this.calendar = calendar;
    this.properties = properties;
    this.currentUser = currentUser;
    this.audit = audit;
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
   * line and column ({@code line 3.kind}).
   */
  @PutMapping(value = "/{year}", consumes = {CSV, "text/plain"})
  CalendarYear replace(
      @PathVariable int year, @RequestBody(required = false) byte[] body, @RequestParam(required = false) String notice) {
    if (year < CalendarService.FIRST_YEAR || year > CalendarService.LAST_YEAR) {
      throw new FieldProblem("year", "must be between " + CalendarService.FIRST_YEAR + " and " + CalendarService.LAST_YEAR);
    }
    if (notice != null && !NOTICE.matcher(notice.strip()).matches()) {
      throw new FieldProblem("notice", "must be 1-60 characters without control characters, < or >");
    }
    if (body != null && body.length > properties.maxUpload().toBytes()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
          "A calendar year is at most " + properties.maxUpload().toBytes() + " bytes of CSV.");
      problem.setType(URI.create("urn:jiefen:problem:too-large"));
      throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }
    String user = currentUser.get().username();
    CalendarYear stored = calendar.replace(year, utf8(body), notice == null ? null : notice.strip(), user);
    audit.record(AuditAction.CALENDAR_SAVED, AuditOutcome.SUCCESS, null, Integer.toString(year), stored.notice()); // audit
    return stored;
  }

  private CalendarYear loaded(int year) {
    return calendar.year(year).orElseThrow(() -> new NotFoundProblem(
        "No calendar for " + year + ": the year is not loaded, and working-day clocks reaching into it count weekends only."));
  }

  private static String utf8(byte[] body) {
    if (body == null) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FieldProblem("body", "must be UTF-8 text");
    }
  }
}
