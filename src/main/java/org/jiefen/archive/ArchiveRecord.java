package org.jiefen.archive;

import java.time.Instant;
import java.util.List;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;

/**
 * The archive record of a case (index {@code archive}, id = case id). {@code file} is the case file
 * as the cases index held it at archiving and {@code timeline} its events (both stored, not
 * indexed); after a decision to destroy, both are gone and the record is the destruction register's
 * entry. Dates of {@code retention.expiresOn} are days in Asia/Shanghai ({@code null}: permanent).
 */
public record ArchiveRecord(
    String caseId,
    String kind,
    String category,
    String outcome,
    String level,
    String unitCode,
    List<String> unitPath,
    Instant created,
    Instant closed,
    Instant archivedAt,
    Durations durations,
    List<CaseClock> clocks,
    List<Document> documents,
    List<Evidence> evidence,
    Retention retention,
    Bundle bundle,
    Disposition disposition,
    List<Disposition> decisions,
    CaseFile file,
    List<CaseEvent> timeline) {

  /** From registration to closing: calendar days, and working days by the holiday calendar. */
  public record Durations(Integer calendarDays, Integer workingDays) {}

  /** A generated document, where it stands in the bundle (pages, 1-based), and its hash. */
  public record Document(String type, String title, String number, String sha256, long size, int pages,
      Instant generated, Integer firstPage, Integer lastPage) {}

  /** An evidence file: its hash, what it is, its (sanitized) name. */
  public record Evidence(String sha256, String type, long size, String label) {}

  /** The schedule's period ({@code P30Y}, {@code PERMANENT}) and the last day it covers. */
  public record Retention(String period, String expiresOn) {}

  /** The stored bundle PDF. */
  public record Bundle(String sha256, int pages, long bytes) {}

  /** An administrator's decision on an expired record: KEPT (with the period added) or DESTROYED. */
  public record Disposition(String state, String decidedBy, Instant decidedAt, String reason, String period,
      String expiredOn) {}

  public static final String KEPT = "KEPT";
  public static final String DESTROYED = "DESTROYED";

  public boolean destroyed() {
    return disposition != null && DESTROYED.equals(disposition.state());
  }
}
