package org.jiefen.cases;

import java.time.Instant;
import java.util.List;

/**
 * What a petition (信访事项) adds to its case file: its kind (建议意见 {@code suggestion}, 检举控告
 * {@code report}, 申诉求决 {@code claim}); whether it is confidential (reports are, Art. 28: visible
 * only to the handling unit's petition clerks, never to the accused, whose names are kept as keyed
 * hashes in {@code accusedHashes}); where it is handled, reviewed (复查) and re-reviewed (复核);
 * the deadline of an assignment (交办); objections of non-competent bodies; supervisions (督办)
 * when a clock ran out; the leader who took ownership (包案); the petitioner's rating; the linked
 * mediation case when the matter went to people's mediation; and whether it is closed for good
 * after re-review (the same matter is not accepted again, Art. 36).
 */
public record CasePetition(
    String petitionKind,
    boolean confidential,
    List<String> accusedHashes,
    String handlingUnitCode,
    String reviewUnitCode,
    String reReviewUnitCode,
    Instant assignDue,
    List<Objection> objections,
    List<Supervision> supervisions,
    String owner,
    String ownerName,
    Instant ownedSince,
    String rating,
    String mediationCaseId,
    boolean closedFinal) {

  /** A receiving body that found the matter outside its remit and returned it (Art. 23). */
  public record Objection(String unitCode, String reason, Instant at) {}

  /** A supervision (督办) opened when a clock went red: which clock, by which unit, when. */
  public record Supervision(String clockId, String supervisorUnitCode, String supervisedUnitCode, Instant due,
      Instant opened, String instruction, String by, Instant closed) {}
}
