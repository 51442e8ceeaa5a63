package org.jiefen.archive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiefen.cases.CaseDocuments;
import org.jiefen.cases.CaseFile;
import org.jiefen.documents.DocumentStore;
import org.jiefen.users.AppUser;
import org.jiefen.web.NotFoundProblem;
import org.springframework.http.ResponseEntity;
import org.jiefen.web.PdfAttachment;
import org.springframework.stereotype.Service;

/**
 * The archive as users of a case see it: the facts of its record and the bundle PDF, for those
 * whose scope covers the case (the same rule as documents: outside it, 404). The callers audit.
 */
@Service
class ArchiveBundles {

  /** What the case page shows of the archive record. */
  record Facts(String caseId, Instant archivedAt, String period, String expiresOn, String bundleSha256,
      Integer pages, Long bytes, String disposition) {
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("caseId", caseId);
      m.put("archivedAt", archivedAt);
      m.put("period", period);
      m.put("expiresOn", expiresOn);
      m.put("bundleSha256", bundleSha256);
      m.put("pages", pages);
      m.put("bytes", bytes);
      m.put("disposition", disposition);
      return m;
    }
  }

  record Download(String sha256, ResponseEntity<byte[]> response) {}

  private final CaseDocuments cases;
  private final ArchiveStore archive;
  private final DocumentStore store;

  ArchiveBundles(CaseDocuments cases, ArchiveStore archive, DocumentStore store) {
    this.cases = cases;
    this.archive = archive;
    this.store = store;
  }

  Facts facts(String caseId, AppUser user) {
    cases.visibleTo(caseId, user); // outside the scope: 404
    ArchiveRecord r = archive.find(caseId).orElseThrow(() -> new NotFoundProblem("case " + caseId + " is not archived"));
    return new Facts(r.caseId(), r.archivedAt(), r.retention() == null ? null : r.retention().period(),
        r.retention() == null ? null : r.retention().expiresOn(), r.bundle() == null ? null : r.bundle().sha256(),
        r.bundle() == null ? null : r.bundle().pages(), r.bundle() == null ? null : r.bundle().bytes(),
        r.disposition() == null ? null : r.disposition().state());
  }

  Download download(String caseId, AppUser user) {
    CaseFile file = cases.visibleTo(caseId, user);
    ArchiveRecord r = archive.find(caseId).filter(x -> x.bundle() != null)
        .orElseThrow(() -> new NotFoundProblem("case " + caseId + " has no archived bundle"));
    byte[] pdf = store.get(r.bundle().sha256())
        .orElseThrow(() -> new NotFoundProblem("the bundle of " + caseId + " is not stored"));
    return new Download(r.bundle().sha256(),
        PdfAttachment.of(pdf, file.id() + "-bundle.pdf", "案卷-" + file.id() + ".pdf"));
  }
}
