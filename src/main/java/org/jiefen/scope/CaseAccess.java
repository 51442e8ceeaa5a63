package org.jiefen.scope;

import java.util.List;

/**
 * What decides who sees a case: where it sits in the unit tree ({@code unitPath}, the unit it is
 * currently addressed to) and, for a petition, the facts that narrow its audience.
 */
public record CaseAccess(List<String> unitPath, String currentUnitCode, Petition petition) {

  /**
   * A petition's audience facts. {@code confidential}: a report kept from everyone but those in
   * charge of it (信访工作条例 Art. 28); the units in charge: the registering petition office, the
   * handling unit (set once triage forwarded, assigned or accepted it), the review (复查) and
   * re-review (复核) units; the units supervising it (督办) while the supervision is open; the
   * leader who took ownership (包案); the keyed hashes of the names the report accuses, who never
   * see it.
   */
  public record Petition(
      boolean confidential,
      String registeringUnitCode,
      String handlingUnitCode,
      String reviewUnitCode,
      String reReviewUnitCode,
      List<String> supervisingUnitCodes,
      String owner,
      List<String> accusedHashes) {

    public Petition {
      supervisingUnitCodes = supervisingUnitCodes == null ? List.of() : List.copyOf(supervisingUnitCodes);
      accusedHashes = accusedHashes == null ? List.of() : List.copyOf(accusedHashes);
    }
  }
}
