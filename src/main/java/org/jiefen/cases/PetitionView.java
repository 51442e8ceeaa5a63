package org.jiefen.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A petition's part of the case view. The accused appear only as a count ({@code accusedCount}):
 * their hashes never leave the server. From intake: the visit record (来访登记) and the 12345 work
 * order; {@code repeatSuspected} when earlier petitions of the same person or matter were found;
 * {@code closedFinalMatch} when one of them is closed for good after re-review, so that the triage
 * clerk does not accept the same facts and reasons again (信访工作条例 Art. 36), with those of them
 * the reader may see in {@code closedFinalMatches}.
 */
record PetitionView(
    String petitionKind,
    boolean confidential,
    int accusedCount,
    Map<String, Object> visit,
    String hotlineOrder,
    boolean repeatSuspected,
    boolean closedFinalMatch,
    List<String> closedFinalMatches,
    String handlingUnitCode,
    String reviewUnitCode,
    String reReviewUnitCode,
    Instant assignDue,
    List<CasePetition.Objection> objections,
    List<CasePetition.Supervision> supervisions,
    String owner,
    String ownerName,
    Instant ownedSince,
    String rating,
    String mediationCaseId,
    boolean closedFinal) {

  /**
   * @param earlier the files of the earlier petitions intake found (all of them)
   * @param visibleClosedFinal the ids of those closed for good that the reader may see
   */
  static PetitionView of(CasePetition p, List<CaseEvent> timeline, List<CaseFile> earlier, List<String> visibleClosedFinal) {
    Map<String, Object> intake = timeline.stream()
        .filter(e -> "CASE_REGISTERED".equals(e.type()) && e.data() != null)
        .map(CaseEvent::data)
        .findFirst()
        .orElse(Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> visit = intake.get("visit") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    boolean closedFinalMatch = earlier.stream().anyMatch(c -> c.petition() != null && c.petition().closedFinal());
    return new PetitionView(
        p.petitionKind(),
        p.confidential(),
        p.accusedHashes() == null ? 0 : p.accusedHashes().size(),
        visit,
        intake.get("hotlineOrder") instanceof String order ? order : null,
        !earlier.isEmpty(),
        closedFinalMatch,
        visibleClosedFinal,
        p.handlingUnitCode(),
        p.reviewUnitCode(),
        p.reReviewUnitCode(),
        p.assignDue(),
        p.objections() == null ? List.of() : p.objections(),
        p.supervisions() == null ? List.of() : p.supervisions(),
        p.owner(),
        p.ownerName(),
        p.ownedSince(),
        p.rating(),
        p.mediationCaseId(),
        p.closedFinal());
  }
}
