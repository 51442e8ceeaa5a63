package org.jiefen.cases;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Closes a case file; called by the process at its end. Idempotent. */
@Service
public class CaseClosing {

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;

  CaseClosing(CaseRepository cases, CaseTimeline timeline, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
  }

  public void close(String caseId, String outcome) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("status", CaseStatus.CLOSED);
    fields.put("updated", clock.instant().toString());
    if (outcome != null) {
      fields.put("outcome", outcome);
    }
    cases.update(caseId, fields);
    timeline.record(caseId, "closed", "CASE_CLOSED", outcome == null ? "" : outcome, "system", null);
  }
}
