package org.jiefen.archive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.calendar.CalendarService;
import org.jiefen.clocks.ClockLength;
import org.jiefen.clocks.Deadlines;
import org.jiefen.cases.CaseArchiving;
import org.jiefen.cases.CaseDocument;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseEvidence;
import org.jiefen.cases.CaseFile;
import org.jiefen.documents.CaseFileBundle;
import org.jiefen.documents.DocumentStore;
import org.jiefen.texts.RetentionPeriod;
import org.jiefen.texts.RetentionSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Archives a closed case: the archive record (the file and timeline at closing, durations, clocks,
 * documents with their hashes, level, outcome, retention by the schedule, the bundle), the bundle
 * PDF in the document store, {@code archivedAt} on the case file and a {@code CASE_ARCHIVED} event,
 * audited once per case. Idempotent: a second run writes the same record again (one per case) and
 * does not rebuild a bundle that is stored; a record destroyed by decision stays destroyed. Any
 * failure (Elasticsearch or the store away) is thrown for the caller to retry: every step is safe
 * to repeat, so a retry finishes what the first run began.
 */
@Service
public class Archiver {

  private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final CaseArchiving cases;
  private final ArchiveStore archive;
  private final CaseFileBundle bundles;
  private final DocumentStore store;
  private final RetentionSchedule retention;
  private final CalendarService calendar;
  private final AuditLog audit;
  private final Clock clock;

  Archiver(CaseArchiving cases, ArchiveStore archive, CaseFileBundle bundles, DocumentStore store,
      RetentionSchedule retention, CalendarService calendar, AuditLog audit, Clock clock) {
    this.cases = cases;
    this.archive = archive;
    this.bundles = bundles;
    this.store = store;
    this.retention = retention;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Archives the case, or finishes archiving it.
   *
   * @throws IllegalStateException when the case does not exist or is not closed (nothing to archive yet)
   */
  public ArchiveRecord archive(String caseId) {
    CaseFile file = cases.file(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    if (!CaseArchiving.closed(file)) {
      throw new IllegalStateException("case " + caseId + " is not closed");
    }
    var existing = archive.find(caseId);
    if (existing.isPresent() && existing.get().destroyed()) {
      return existing.get(); // destroyed by decision: nothing comes back
    }
    // the file as it was closed: a re-run after archivedAt was set sees the same file as the first run
    CaseFile closed = withoutArchivedAt(file);
    List<CaseEvent> timeline = cases.timeline(caseId);
    Instant archivedAt = existing.map(ArchiveRecord::archivedAt)
        .orElse(file.archivedAt() != null ? file.archivedAt() : clock.instant());

    ArchiveRecord.Bundle bundle;
    Map<String, CaseFileBundle.Entry> pages;
    var known = existing.map(ArchiveRecord::bundle).filter(b -> store.get(b.sha256()).isPresent());
    if (known.isPresent()) {
      bundle = known.get();
      pages = existing.get().documents() == null ? Map.of() : existing.get().documents().stream()
          .filter(d -> d.firstPage() != null)
          .collect(Collectors.toMap(ArchiveRecord.Document::sha256,
              d -> new CaseFileBundle.Entry(d.type(), d.title(), d.number(), d.sha256(), d.firstPage(), d.lastPage()),
              (a, b) -> a));
    } else {
      CaseFileBundle.Bundle built = bundles.build(closed, timeline);
      bundle = new ArchiveRecord.Bundle(built.sha256(), built.pages(), built.bytes());
      pages = built.entries().stream().filter(e -> e.sha256() != null)
          .collect(Collectors.toMap(CaseFileBundle.Entry::sha256, Function.identity(), (a, b) -> a));
    }

    ArchiveRecord record = new ArchiveRecord(
        file.id(), file.kind(), file.category(), file.outcome(), file.level(), file.unitCode(), file.unitPath(),
        file.created(), file.closed(), archivedAt, durations(file), file.clocks(), documents(file, pages),
        evidence(file), retention(file), bundle, existing.map(ArchiveRecord::disposition).orElse(null),
        existing.map(ArchiveRecord::decisions).orElse(null), closed, timeline);
    archive.put(record);

    String summary = "案卷 " + bundle.pages() + " 页，保管期限 " + record.retention().period();
    if (cases.markArchived(caseId, archivedAt, summary)) {
      audit.recordAs(AuditLog.SYSTEM, null, AuditAction.CASE_ARCHIVED, AuditOutcome.SUCCESS, caseId,
          "bundle " + bundle.sha256(), record.retention().period()); // audit: once, by the run that marked it
      LOG.info("case {} archived: bundle {} ({} pages)", caseId, bundle.sha256(), bundle.pages());
    }
    return record;
  }

  private static CaseFile withoutArchivedAt(CaseFile f) {
    return f.archivedAt() == null ? f : new CaseFile(f.id(), f.queryCode(), f.kind(), f.title(), f.description(),
        f.category(), f.amount(), f.channel(), f.unitCode(), f.unitPath(), f.status(), f.level(), f.currentUnitCode(),
        f.processInstanceKey(), f.createdBy(), f.createdByUnit(), f.created(), f.updated(), f.parties(), f.duplicates(),
        f.links(), f.agreement(), f.outcome(), f.closed(), f.durationDays(), f.satisfaction(), f.documents(), f.clocks(),
        f.confirmation(), f.petition(), f.evidence(), null);
  }

  private ArchiveRecord.Retention retention(CaseFile file) {
    RetentionPeriod period = retention.periodFor(file.kind(), file.outcome());
    LocalDate closedOn = (file.closed() != null ? file.closed() : file.updated()).atZone(CHINA).toLocalDate();
    return new ArchiveRecord.Retention(period.text(), period.keepUntil(closedOn).map(LocalDate::toString).orElse(null));
  }

  /**
   * Calendar and working days from the registration day up to the closing day, counted as the
   * KPIs count handling time (the clocks' day arithmetic on the holiday calendar), so the archive
   * and the KPI page agree on a case.
   */
  private ArchiveRecord.Durations durations(CaseFile file) {
    if (file.created() == null || file.closed() == null) {
      return new ArchiveRecord.Durations(null, null);
    }
    Deadlines days = new Deadlines(calendar.current(), CHINA);
    return new ArchiveRecord.Durations(days.pausedDays(file.created(), file.closed(), ClockLength.Unit.DAYS),
        days.pausedDays(file.created(), file.closed(), ClockLength.Unit.WORKING_DAYS));
  }

  private static List<ArchiveRecord.Document> documents(CaseFile file, Map<String, CaseFileBundle.Entry> pages) {
    return (file.documents() == null ? List.<CaseDocument>of() : file.documents()).stream()
        .map(d -> {
          CaseFileBundle.Entry at = pages.get(d.sha256());
          return new ArchiveRecord.Document(d.type(), d.title(), d.number(), d.sha256(), d.size(), d.pages(),
              d.generated(), at == null ? null : at.firstPage(), at == null ? null : at.lastPage());
        })
        .toList();
  }

  private static List<ArchiveRecord.Evidence> evidence(CaseFile file) {
    return (file.evidence() == null ? List.<CaseEvidence>of() : file.evidence()).stream()
        .map(e -> new ArchiveRecord.Evidence(e.sha256(), e.type(), e.size(), e.label()))
        .toList();
  }
}
