package org.jiefen.documents;

import java.time.Clock;
import java.util.List;
import org.jiefen.cases.CaseDocument;
import org.jiefen.cases.CaseDocuments;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.UserDirectory;
import org.jiefen.web.NotFoundProblem;
import org.springframework.stereotype.Service;

/**
 * Generates a case's documents, stores them and lists them in the case file; hands them out to
 * users whose scope covers the case. Generating twice for an unchanged case gives the same bytes,
 * so the second time stores and lists nothing new.
 */
@Service
public class DocumentService {

  /** A stored document and its listing. */
  public record Download(CaseDocument document, byte[] pdf) {}

  private final CaseDocuments cases;
  private final CaseTimeline timeline;
  private final DocumentRenderer renderer;
  private final DocumentStore store;
  private final UnitDirectory units;
  private final UserDirectory users;
  private final Clock clock;

  DocumentService(CaseDocuments cases, CaseTimeline timeline, DocumentRenderer renderer, DocumentStore store,
      UnitDirectory units, UserDirectory users, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.renderer = renderer;
    this.store = store;
    this.units = units;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Generates the document of {@code type} for the case. {@code recordElement}, when given, is the
   * BPMN element whose latest task record the template sees as {@code record}.
   *
   * @throws IllegalArgumentException when the case, or the record asked for, does not exist, or
   *     the case cannot have this document yet (no agreement): retrying would not help
   */
  public CaseDocument generate(String caseId, DocumentType type, String recordElement, String actor) {
    CaseFile file = cases.file(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
    CaseEvent record = null;
    if (recordElement != null && !recordElement.isBlank()) {
      record = timeline.latestRecord(caseId, recordElement).orElseThrow(
          () -> new IllegalArgumentException("case " + caseId + " has no record of " + recordElement));
    }
    List<CaseEvent> events = type == DocumentType.CASE_FILE_COVER ? cases.timeline(caseId) : List.of();
    RenderedDocument rendered = renderer.render(type, new DocumentInput(file, events, record,
        code -> units.find(code).map(Unit::name).orElse(null),
        username -> users.find(username).map(AppUser::displayName).orElse(null)));
    store.put(rendered.sha256(), rendered.pdf());
    CaseDocument document = new CaseDocument(type.id(), rendered.title(), rendered.number(), rendered.sha256(),
        rendered.pdf().length, rendered.pages(), clock.instant(), actor);
    cases.record(caseId, document, file.currentUnitCode());
    return document;
  }

  public List<CaseDocument> list(String caseId, AppUser user) {
    CaseFile file = cases.visibleTo(caseId, user);
    return file.documents() == null ? List.of() : file.documents();
  }

  public Download download(String caseId, String sha256, AppUser user) {
    CaseFile file = cases.visibleTo(caseId, user);
    CaseDocument document = (file.documents() == null ? List.<CaseDocument>of() : file.documents()).stream()
        .filter(d -> d.sha256().equals(sha256))
        .findFirst()
        .orElseThrow(() -> new NotFoundProblem("no document " + sha256 + " in case " + caseId));
    byte[] pdf = store.get(sha256).orElseThrow(() -> new NotFoundProblem("document " + sha256 + " is not stored"));
    return new Download(document, pdf);
  }
}
