package org.jiefen.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.cases.CaseArchiving;
import org.jiefen.cases.CaseDocument;
import org.jiefen.cases.CaseEvidence;
import org.jiefen.documents.DocumentStore;
import org.jiefen.texts.RetentionPeriod;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Administrators' decisions on archive records whose retention has passed (by the app's clock):
 * the list of those waiting, and a decision on one. KEEP extends {@code retention.expiresOn} by a
 * period; DESTROY deletes the bundle and the case's documents and evidence files from the store,
 * removes the parties from the case file and reduces the record to the destruction register's
 * entry (销毁清册). Every decision is audited (ARCHIVE_KEPT, ARCHIVE_DESTROYED) before it applies,
 * and kept in the record's {@code decisions}.
 */
@Service
public class ArchiveDecisions {

  public enum Decision { DESTROY, KEEP }

  /** A decision as the API and the page take it. */
  public record Request(String decision, String period, String reason) {}

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveDecisions.class);

  private final ArchiveStore archive;
  private final CaseArchiving cases;
  private final DocumentStore store;
  private final AuditLog audit;
  private final Clock clock;

  ArchiveDecisions(ArchiveStore archive, CaseArchiving cases, DocumentStore store, AuditLog audit, Clock clock) {
    this.archive = archive;
    this.cases = cases;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return clock.instant().atZone(Archiver.CHINA).toLocalDate();
  }

  /** Expired records waiting for a decision, a page of {@code size} from {@code page} (0-based). */
  public ArchiveStore.Page expired(int page, int size) {
    if (page < 0) {
      throw new FieldProblem("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new FieldProblem("size", "must be between 1 and 200");
    }
    if ((long) page * size + size > 10_000) {
      throw new FieldProblem("page", "pages reach the first 10,000 records; decide on those first");
    }
    return archive.expired(today(), page * size, size);
  }

  /**
   * Applies a decision. Bad input is a 400 naming the field; a case without a record is a 404; a
   * record that is not expired, or was destroyed, is a 409.
   */
  public ArchiveRecord decide(String caseId, Request request, String user) {
    List<FieldProblem.Violation> violations = new ArrayList<>();
    Decision decision = null;
    String text = request == null || request.decision() == null ? "" : request.decision().strip().toUpperCase(Locale.ROOT);
    try {
      decision = Decision.valueOf(text);
    } catch (IllegalArgumentException e) {
      violations.add(new FieldProblem.Violation("decision", "must be DESTROY or KEEP"));
    }
    RetentionPeriod period = null;
    if (decision == Decision.KEEP) {
      try {
        period = RetentionPeriod.parse(request.period());
        if (period.permanent()) {
          period = RetentionPeriod.PERMANENT;
        }
      } catch (IllegalArgumentException e) {
        violations.add(new FieldProblem.Violation("period", e.getMessage()));
      }
    }
    String reason = request == null || request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty()) {
      violations.add(new FieldProblem.Violation("reason", "must say why (it goes into the audit trail and the register)"));
    } else if (reason.length() > 500) {
      violations.add(new FieldProblem.Violation("reason", "must be at most 500 characters"));
    }
    if (!violations.isEmpty()) {
      throw new FieldProblem(violations);
    }
    ArchiveRecord record = archive.find(caseId).orElseThrow(() -> new NotFoundProblem("no archive record of " + caseId));
    if (record.destroyed()) {
      throw new ConflictProblem("the record of " + caseId + " was destroyed on " + record.disposition().decidedAt());
    }
    String expiresOn = record.retention() == null ? null : record.retention().expiresOn();
    if (expiresOn == null || !LocalDate.parse(expiresOn).isBefore(today())) {
      throw new ConflictProblem("the record of " + caseId + " is not expired: it is kept until "
          + (expiresOn == null ? "forever (PERMANENT)" : expiresOn));
    }
    return decision == Decision.KEEP ? keep(record, period, reason, user) : destroy(record, reason, user);
  }

  private ArchiveRecord keep(ArchiveRecord r, RetentionPeriod period, String reason, String user) {
    String expiresOn = period.keepUntil(LocalDate.parse(r.retention().expiresOn())).map(LocalDate::toString).orElse(null);
    ArchiveRecord.Disposition d = new ArchiveRecord.Disposition(ArchiveRecord.KEPT, user, clock.instant(), reason,
        period.text(), r.retention().expiresOn());
    audit.record(AuditAction.ARCHIVE_KEPT, AuditOutcome.SUCCESS, r.caseId(), "archive " + r.caseId(),
        period.text() + " until " + (expiresOn == null ? "PERMANENT" : expiresOn) + ": " + reason); // audit
    ArchiveRecord kept = new ArchiveRecord(r.caseId(), r.kind(), r.category(), r.outcome(), r.level(), r.unitCode(),
        r.unitPath(), r.created(), r.closed(), r.archivedAt(), r.durations(), r.clocks(), r.documents(), r.evidence(),
        new ArchiveRecord.Retention(r.retention().period(), expiresOn), r.bundle(), d, with(r.decisions(), d),
        r.file(), r.timeline());
    archive.put(kept);
    LOG.info("archive record {} kept by {} for {} more", r.caseId(), user, period.text());
    return kept;
  }

  /**
   * Destroys: the audit entry first (no destruction without it), then the record becomes the
   * register entry, then the bytes and the personal data go. A failure half way leaves a register
   * entry saying DESTROYED whose remaining deletions an administrator can repeat (the store and the
   * case file tolerate a second deletion).
   */
  private ArchiveRecord destroy(ArchiveRecord r, String reason, String user) {
    ArchiveRecord.Disposition d = new ArchiveRecord.Disposition(ArchiveRecord.DESTROYED, user, clock.instant(), reason,
        null, r.retention().expiresOn());
    audit.record(AuditAction.ARCHIVE_DESTROYED, AuditOutcome.SUCCESS, r.caseId(), "archive " + r.caseId(),
        "bundle " + (r.bundle() == null ? "-" : r.bundle().sha256()) + ": " + reason); // audit
    ArchiveRecord entry = new ArchiveRecord(r.caseId(), r.kind(), r.category(), r.outcome(), r.level(), r.unitCode(),
        r.unitPath(), r.created(), r.closed(), r.archivedAt(), r.durations(), null, null, null, r.retention(), null, d,
        with(r.decisions(), d), null, null);
    archive.put(entry);
    if (r.bundle() != null) {
      store.delete(r.bundle().sha256());
    }
    var file = cases.file(r.caseId());
    List<String> hashes = new ArrayList<>();
    file.ifPresent(f -> {
      (f.documents() == null ? List.<CaseDocument>of() : f.documents()).forEach(doc -> hashes.add(doc.sha256()));
      (f.evidence() == null ? List.<CaseEvidence>of() : f.evidence()).forEach(ev -> hashes.add(ev.sha256()));
    });
    if (r.documents() != null) {
      r.documents().forEach(doc -> hashes.add(doc.sha256()));
    }
    if (r.evidence() != null) {
      r.evidence().forEach(ev -> hashes.add(ev.sha256()));
    }
    // evidence is stored by its bytes: the same scan attached to another case stays for that case
    hashes.stream().distinct().filter(h -> !cases.usedElsewhere(r.caseId(), h)).forEach(store::delete);
    if (file.isPresent()) {
      cases.stripPersonalData(r.caseId());
    }
    LOG.info("archive record {} destroyed by {}", r.caseId(), user);
    return entry;
  }

  private static List<ArchiveRecord.Disposition> with(List<ArchiveRecord.Disposition> earlier, ArchiveRecord.Disposition d) {
    List<ArchiveRecord.Disposition> all = new ArrayList<>(earlier == null ? List.of() : earlier);
    all.add(d);
    return all;
  }
}
