package org.jiefen.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Closes a case file at the end of its process, with its outcome, level reached and duration. Idempotent. */
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

  /**
   * @param level the level reached (null keeps the file's)
   * @param satisfaction the parties' satisfaction from the follow-up, 1-5, or null
   */
  public void close(String caseId, String outcome, String level, Integer satisfaction) {
    CaseFile file = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    if (CaseStatus.CLOSED.equals(file.status())) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Object> fields = new HashMap<>();
    fields.put("status", CaseStatus.CLOSED);
    fields.put("updated", now.toString());
    fields.put("closed", now.toString());
    fields.put("durationDays", Duration.between(file.created(), now).toDays());
    if (outcome != null) {
      fields.put("outcome", outcome);
    }
    if (level != null) {
      fields.put("level", level);
    }
    if (satisfaction != null) {
      fields.put("satisfaction", satisfaction);
    }
    cases.update(caseId, fields);
    timeline.record(caseId, "closed", "CASE_CLOSED", outcome == null ? "" : outcome, "system", null);
  }
}
