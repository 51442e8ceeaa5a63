package org.jiefen.workers.mediation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.jiefen.cases.CaseLinks;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/** {@code jiefen.case.link}: the intake clerk found the case duplicates an earlier one; both files say so. */
@Component
public class LinkCaseWorker {

  private final CaseLinks links;

  LinkCaseWorker(CaseLinks links) {
    this.links = links;
  }

  @JobWorker(type = "jiefen.case.link", fetchVariables = {"caseId", "linkTo"})
  public void link(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Object linkTo = job.getVariablesAsMap().get("linkTo");
    if (linkTo == null) {
      throw JobFailures.incident("linking needs the linkTo variable (a case id from duplicateOptions)");
    }
    JobFailures.guard(job, () -> {
      links.link(caseId, linkTo.toString());
      return null;
    });
  }
}
