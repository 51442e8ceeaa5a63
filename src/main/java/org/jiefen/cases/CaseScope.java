package org.jiefen.cases;

import java.util.List;
import org.jiefen.scope.CaseAccess;

/** The facts of a case file that {@link org.jiefen.scope.DataScope} decides on. */
final class CaseScope {

  private CaseScope() {}

  static CaseAccess of(CaseFile file) {
    CasePetition p = file.petition();
    CaseAccess.Petition petition = p == null ? null : new CaseAccess.Petition(
        p.confidential(),
        file.unitCode(),
        p.handlingUnitCode(),
        p.reviewUnitCode(),
        p.reReviewUnitCode(),
        p.supervisions() == null ? List.of() : p.supervisions().stream()
            .filter(s -> s.closed() == null)
            .map(CasePetition.Supervision::supervisorUnitCode)
            .toList(),
        p.owner(),
        p.accusedHashes());
    return new CaseAccess(file.unitPath(), file.currentUnitCode(), petition);
  }
}
