package org.jiefen.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Links a case to an earlier one the intake clerk found it duplicates. Only a case found as a
 * possible duplicate at intake may be linked: the option came from the system, and a typed-in
 * id must not reach into a case the clerk could not see.
 */
@Service
public class CaseLinks {

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;

  CaseLinks(CaseRepository cases, CaseTimeline timeline, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
  }

  public void link(String caseId, String earlierId) {
    CaseFile file = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    if (file.duplicates() == null || !file.duplicates().contains(earlierId)) {
      throw new IllegalArgumentException(earlierId + " is not a possible duplicate of " + caseId);
    }
    CaseFile earlier = cases.find(earlierId).orElseThrow(() -> new IllegalStateException("no case " + earlierId));
    add(file, earlierId);
    add(earlier, caseId);
    timeline.record(caseId, "linked-" + earlierId, "CASE_LINKED", "与 " + earlierId + " 为同一纠纷，已关联", "system", null);
    timeline.record(earlierId, "linked-" + caseId, "CASE_LINKED", "重复登记的 " + caseId + " 已关联至本案", "system", null);
  }

  private void add(CaseFile file, String other) {
    List<String> links = file.links() == null ? new ArrayList<>() : new ArrayList<>(file.links());
    if (!links.contains(other)) {
      links.add(other);
      cases.update(file.id(), Map.of("links", links, "updated", clock.instant().toString()));
    }
  }
}
