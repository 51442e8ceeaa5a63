package org.jiefen.cases;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Where a case stands as its process moves it: the level reached and the unit working it, on the file and the timeline. */
@Service
public class CaseProgress {

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;

  CaseProgress(CaseRepository cases, CaseTimeline timeline, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
  }

  /**
   * The case now sits at {@code unitCode} on {@code level}. The event key makes a retried call
   * leave one timeline entry; the entry becomes visible with the next refresh (the task the
   * process creates next waits for one).
   */
  public void moved(String caseId, String eventKey, String type, String level, String unitCode, String summary) {
    cases.update(caseId, Map.of("level", level, "currentUnitCode", unitCode, "updated", clock.instant().toString()));
    timeline.recordUnseen(caseId, eventKey, type, summary, "system", unitCode);
  }

  /** A note on the timeline, e.g. the parties' choice of mediator. */
  public void note(String caseId, String eventKey, String type, String summary, String unitCode) {
    timeline.recordUnseen(caseId, eventKey, type, summary, "system", unitCode);
  }
}
