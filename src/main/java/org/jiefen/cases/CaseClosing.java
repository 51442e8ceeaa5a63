package org.jiefen.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Closes a case file at the end of its process, with its outcome, level reached and duration. A
 * petition closed with {@link #CLOSED_FINAL} (after re-review, 信访工作条例 Art. 36) is also marked
 * {@code petition.closedFinal}, which intake looks for: the same matter is not accepted again.
 * Idempotent.
 */
@Service
public class CaseClosing {

  /** The outcome of a petition closed for good after re-review. */
  public static final String CLOSED_FINAL = "closed_final";

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;
  private final PetitionFile petitions;

  CaseClosing(CaseRepository cases, CaseTimeline timeline, Clock clock, PetitionFile petitions) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
    this.petitions = petitions;
  }

  /**
   * @param level the level reached (null keeps the file's)
   * @param satisfaction the parties' satisfaction from the follow-up, 1-5, or null
   */
  public void close(String caseId, String outcome, String level, Integer satisfaction) {
    if (CLOSED_FINAL.equals(outcome)) {
      // before the status: a retry after a failure in between still finds the case open and comes here
      petitions.modify(caseId, (current, p) -> {
        PetitionDraft d = new PetitionDraft(p);
        d.closedFinal = true;
        return PetitionFile.Change.of(d.build());
      });
    }
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
