package org.jiefen.cases;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The petitioner's rating (评价) of how the matter was handled, kept in the case file for the
 * supervising office's KPIs (参评率, 参评满意率). The latest rating counts: after a review the
 * petitioner rates again.
 */
@Service
public class PetitionRatings {

  /** The ratings and how the timeline names them. */
  public static final Map<String, String> RATINGS = Map.of(
      "satisfied", "满意", "basically_satisfied", "基本满意", "dissatisfied", "不满意", "not_rated", "未评价");

  private final PetitionFile petitions;
  private final CaseTimeline timeline;

  PetitionRatings(PetitionFile petitions, CaseTimeline timeline) {
    this.petitions = petitions;
    this.timeline = timeline;
  }

  /**
   * Records {@code rating}, one of {@link #RATINGS}; anything else is an IllegalArgumentException.
   * Idempotent: the same rating again changes nothing, and the timeline keeps one entry per key.
   */
  public CasePetition rate(String caseId, String key, String rating) {
    if (rating == null || !RATINGS.containsKey(rating)) {
      throw new IllegalArgumentException("a rating is one of " + RATINGS.keySet());
    }
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      PetitionDraft d = new PetitionDraft(p);
      d.rating = rating;
      return PetitionFile.Change.of(d.build());
    });
    timeline.record(caseId, "petition-rating-" + key, "PETITION_RATED", "信访人评价：" + RATINGS.get(rating), "system",
        file.currentUnitCode());
    return file.petition();
  }
}
