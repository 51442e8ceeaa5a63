package org.jiefen.cases;

import java.time.Instant;

/**
 * Court confirmation (司法确认) of the case's agreement as the case file keeps it: where it stands
 * ({@code status}: REFUSED, WAITING_APPLICATION, DECLINED, EXPIRED, SUBMITTED, ACCEPTED,
 * NOT_ACCEPTED, EXTENDED, CONFIRMED, REJECTED), the competent court, and the court's answers.
 * {@code reason} is the exclusion, non-acceptance or rejection reason; {@code afterRejection} the
 * parties' choice when the court said no (REMEDIATE or LITIGATE).
 */
public record CaseConfirmation(
    String status,
    String court,
    String reason,
    Instant applied,
    Instant accepted,
    Instant decided,
    String ruling,
    String rulingNumber,
    String afterRejection,
    Instant updated) {}
