package org.jiefen.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jiefen.users.AppUser;
import org.springframework.stereotype.Service;

/**
 * What the documents feature may do with case files: read a whole file (with its protected
 * numbers, which only documents that must carry them decrypt), read it on behalf of a user (out of
 * scope is 404, as everywhere), and list a generated document in it.
 */
@Service
public class CaseDocuments {

  static final String DOCUMENT_GENERATED = "DOCUMENT_GENERATED";

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final CaseService service;

  CaseDocuments(CaseRepository cases, CaseTimeline timeline, CaseService service) {
    this.cases = cases;
    this.timeline = timeline;
    this.service = service;
  }

  public Optional<CaseFile> file(String caseId) {
    return cases.find(caseId);
  }

  /** The file as {@code user} may see it: {@link org.jiefen.web.NotFoundProblem} when outside their scope. */
  public CaseFile visibleTo(String caseId, AppUser user) {
    return service.file(caseId, user);
  }

  public List<CaseEvent> timeline(String caseId) {
    return timeline.of(caseId);
  }

  /**
   * Lists the document in the case file unless the same type with the same bytes is listed, and
   * records one {@code DOCUMENT_GENERATED} event per such document. Safe to repeat: a retried job
   * adds nothing. Answers whether the document was new to the file.
   */
  public boolean record(String caseId, CaseDocument document, String unitCode) {
    AtomicBoolean added = new AtomicBoolean();
    cases.modify(caseId, file -> {
      List<CaseDocument> listed = file.documents() == null ? List.of() : file.documents();
      boolean known = listed.stream()
          .anyMatch(d -> d.type().equals(document.type()) && d.sha256().equals(document.sha256()));
      added.set(!known);
      if (known) {
        return Map.of();
      }
      List<CaseDocument> documents = new ArrayList<>(listed);
      documents.add(document);
      return Map.of("documents", documents);
    });
    // keyed by type and hash: a retry after a failure here writes the event once
    timeline.record(caseId, "document-" + document.type() + "-" + document.sha256(), DOCUMENT_GENERATED,
        document.title() + "（" + document.number() + "）", document.generatedBy(), unitCode);
    return added.get();
  }
}
