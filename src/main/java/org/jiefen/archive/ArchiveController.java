package org.jiefen.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The archive's API. Administrators only ({@code /api/v1/archive/**}): {@code GET expired} lists the
 * records whose retention has passed and that wait for a decision; {@code POST {caseId}/decision}
 * takes {@code {"decision": "KEEP", "period": "P5Y", "reason": "..."}} or {@code {"decision":
 * "DESTROY", "reason": "..."}}. Everyone whose scope covers the case: {@code GET
 * /api/v1/cases/{id}/bundle}, the case-file bundle PDF (audited as a download).
 */
@RestController
class ArchiveController {

  /** A line of the expired list. */
  record Expired(String caseId, String kind, String category, String outcome, String unitCode, Instant created,
      Instant closed, String period, String expiresOn) {
    static Expired of(ArchiveRecord r) {
      return new Expired(r.caseId(), r.kind(), r.category(), r.outcome(), r.unitCode(), r.created(), r.closed(),
          r.retention().period(), r.retention().expiresOn());
    }
  }

  record ExpiredPage(List<Expired> records, long total, int page, int size) {}

  private final ArchiveDecisions decisions;
  private final ArchiveBundles bundles;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  ArchiveController(ArchiveDecisions decisions, ArchiveBundles bundles, CurrentUser currentUser, AuditLog audit) {
    this.decisions = decisions;
    this.bundles = bundles;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/api/v1/archive/expired")
  ExpiredPage expired(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    ArchiveStore.Page found = decisions.expired(page, size);
    return new ExpiredPage(found.records().stream().map(Expired::of).toList(), found.total(), page, size);
  }

  @PostMapping("/api/v1/archive/{caseId}/decision")
  ArchiveRecord decide(@PathVariable String caseId, @RequestBody(required = false) ArchiveDecisions.Request request) {
    return decisions.decide(caseId, request, currentUser.get().username());
  }

  @GetMapping("/api/v1/cases/{id}/bundle")
  ResponseEntity<byte[]> bundle(@PathVariable String id) {
    ArchiveBundles.Download download = bundles.download(id, currentUser.get());
    // audit: written before the bytes leave, as for other documents
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, id, "case-file-bundle " + download.sha256());
    return download.response();
  }

  /** Facts of the archive record for users who see the case (no file, no timeline). */
  @GetMapping("/api/v1/cases/{id}/archive")
  Map<String, Object> facts(@PathVariable String id) {
    return bundles.facts(id, currentUser.get()).asMap();
  }
}
