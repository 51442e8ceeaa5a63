package org.jiefen.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jiefen.users.AppUser;
import org.jiefen.web.ConflictProblem;
import org.springframework.stereotype.Service;

/**
 * What the evidence feature may do with case files: read one on behalf of a user (out of scope is
 * 404, as everywhere) and list evidence in it while the case is not closed.
 */
@Service
public class CaseEvidenceFiles {

  static final String EVIDENCE_ADDED = "EVIDENCE_ADDED";

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final CaseService service;

  CaseEvidenceFiles(CaseRepository cases, CaseTimeline timeline, CaseService service) {
    this.cases = cases;
    this.timeline = timeline;
    this.service = service;
  }

  /** The file as {@code user} may see it: {@link org.jiefen.web.NotFoundProblem} when outside their scope. */
  public CaseFile visibleTo(String caseId, AppUser user) {
    return service.file(caseId, user);
  }

  /** Closed cases take no more evidence: their file is final. */
  public static void requireOpen(CaseFile file) {
    if (CaseStatus.CLOSED.equals(file.status())) {
      throw new ConflictProblem("case " + file.id() + " is closed: it takes no more evidence");
    }
  }

  /**
   * Lists the evidence in the case file unless the same bytes are listed, and records one
   * {@code EVIDENCE_ADDED} event for it. Answers the listed record (the earlier one for known bytes)
   * and whether it was new.
   */
  public Recorded record(String caseId, CaseEvidence evidence) {
    AtomicBoolean added = new AtomicBoolean();
    CaseFile file = cases.modify(caseId, current -> {
      requireOpen(current);
      List<CaseEvidence> listed = current.evidence() == null ? List.of() : current.evidence();
      if (listed.stream().anyMatch(e -> e.sha256().equals(evidence.sha256()))) {
        return Map.of();
      }
      added.set(true);
      List<CaseEvidence> all = new ArrayList<>(listed);
      all.add(evidence);
      return Map.of("evidence", all);
    });
    CaseEvidence listed = file.evidence().stream()
        .filter(e -> e.sha256().equals(evidence.sha256())).findFirst().orElse(evidence);
    if (added.get()) {
      // keyed by hash: the same file added twice is one event
      timeline.record(caseId, "evidence-" + evidence.sha256(), EVIDENCE_ADDED,
          evidence.label() + "：" + evidence.description(), evidence.uploadedBy(), file.currentUnitCode());
    }
    return new Recorded(listed, added.get());
  }

  /** The evidence as listed, and whether this call listed it. */
  public record Recorded(CaseEvidence evidence, boolean added) {}
}
