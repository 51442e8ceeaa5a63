package org.jiefen.workers.notification;

import java.time.Instant;

/**
 * What a petition mail says beyond the case's headline, from the case file: unit names, the clock
 * the mail is about, the reason someone gave, the supervision and the linked mediation case. Any
 * part may be null; the templates then say something general ({@link MailFacts#args}).
 *
 * @param handlingUnit the unit handling the matter, or the last one that returned it
 * @param clockId the catalog id of the clock the mail is about
 * @param clockLabel the clock's label as the case file has it
 * @param clockDue when that clock falls due (used when the mail has no {@code due} header)
 * @param reason the reason given: for not accepting or the legal channel (the triage record), a
 *     return (the objection), an extension (the handling record)
 * @param supervisedUnit the unit whose clock ran out
 * @param daysLate whole days between the clock's due instant and the supervision
 * @param mediationCaseId the linked mediation case
 * @param aboveHandling where a review (复查) is asked: the unit above the handling unit
 * @param reviewUnit the unit that reviewed
 * @param aboveReview where a re-review (复核) is asked: the unit above the review unit
 * @param reReviewUnit the unit that re-reviewed
 * @param office the petition office that registered the matter
 */
record PetitionFacts(
    String handlingUnit,
    String clockId,
    String clockLabel,
    Instant clockDue,
    String reason,
    String supervisedUnit,
    long daysLate,
    String mediationCaseId,
    String aboveHandling,
    String reviewUnit,
    String aboveReview,
    String reReviewUnit,
    String office) {

  static final PetitionFacts NONE =
      new PetitionFacts(null, null, null, null, null, null, 0, null, null, null, null, null, null);
}
