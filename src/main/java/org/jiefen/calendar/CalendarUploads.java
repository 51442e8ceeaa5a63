package org.jiefen.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.CodedFieldProblem;
import org.jiefen.web.FileProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An administrator replaces a year of the calendar with a CSV, through the API ({@code PUT
 * /api/v1/calendar/{year}}) or the calendar page's upload form alike: the same checks, the same
 * audit ({@code CALENDAR_SAVED}). The file is at most {@code jiefen.calendar.max-upload}, plain
 * UTF-8 text (judged by its content: no control characters but tabs and line breaks), and valid
 * line by line ({@link CalendarCsv}); otherwise nothing is stored. Clocks already running keep the
 * dates they were given; only clocks started or re-run later count on the new year.
 */
@Service
class CalendarUploads {

  private static final Pattern NOTICE = Pattern.compile("[^\\p{Cntrl}<>]{1,60}");

  private final CalendarService calendar;
  private final CalendarProperties properties;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  CalendarUploads(CalendarService calendar, CalendarProperties properties, CurrentUser currentUser, AuditLog audit) {
    this.calendar = calendar;
    this.properties = properties;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  long maxBytes() {
    return properties.maxUpload().toBytes();
  }

  /** Checks the year and notice (fields {@code year}, {@code notice}) before the file is even read. */
  void checkTarget(int year, String notice) {
    if (year < CalendarService.FIRST_YEAR || year > CalendarService.LAST_YEAR) {
      throw new CodedFieldProblem("year", "range",
          "must be between " + CalendarService.FIRST_YEAR + " and " + CalendarService.LAST_YEAR,
          Integer.toString(CalendarService.FIRST_YEAR), Integer.toString(CalendarService.LAST_YEAR));
    }
    if (notice != null && !NOTICE.matcher(notice.strip()).matches()) {
      throw new CodedFieldProblem("notice", "format", "must be 1-60 characters without control characters, < or >");
    }
  }

  /** Too large: 413 at the field {@code body}, before the content is looked at. */
  void checkSize(long bytes) {
    if (bytes > maxBytes()) {
      throw new FileProblem(HttpStatus.PAYLOAD_TOO_LARGE, "body", "size",
          "A calendar year is at most " + maxBytes() + " bytes of CSV.");
    }
  }

  /** Replaces the year; any problem (field {@code year}, {@code notice}, {@code body} or {@code line n}) stores nothing. */
  CalendarYear replace(int year, byte[] body, String notice) {
    checkTarget(year, notice);
    checkSize(body == null ? 0 : body.length);
    String text = text(body);
    String user = currentUser.get().username();
    CalendarYear stored = calendar.replace(year, text, notice == null || notice.isBlank() ? null : notice.strip(), user);
    audit.record(AuditAction.CALENDAR_SAVED, AuditOutcome.SUCCESS, null, Integer.toString(year), stored.notice()); // audit
    return stored;
  }

  /** The body as text: strict UTF-8, and no control characters but tab, CR and LF (a binary file is not a calendar). */
  private static String text(byte[] body) {
    if (body == null) {
      return "";
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FileProblem(HttpStatus.BAD_REQUEST, "body", "type", "must be UTF-8 text");
    }
    boolean binary = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n');
    if (binary) {
      throw new FileProblem(HttpStatus.BAD_REQUEST, "body", "type", "must be plain text: it holds control characters");
    }
    return text;
  }
}
