package org.jiefen.cases;

import java.util.Optional;
import org.jiefen.pii.Masking;
import org.springframework.stereotype.Service;

/** A case's headline for other features (mail, tasks): no parties, numbers in free text masked. */
@Service
public class CaseLookup {

  /** What another feature may know about a case. */
  public record CaseSummary(String id, String title, String queryCode, String unitCode, String status) {}

  private final CaseRepository cases;

  CaseLookup(CaseRepository cases) {
    this.cases = cases;
  }

  public Optional<CaseSummary> summary(String caseId) {
    return cases
        .find(caseId)
        .map(c -> new CaseSummary(c.id(), Masking.maskText(c.title()), c.queryCode(), c.unitCode(), c.status()));
  }
}
