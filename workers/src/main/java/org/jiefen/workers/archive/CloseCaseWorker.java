package org.jiefen.workers.archive;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.jiefen.cases.CaseClosing;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.case.close}: marks the case file closed with the outcome in the task's
 * {@code outcome} header (mediation: agreed, terminated, refused, linked; petitions: not_accepted,
 * legal_channel, referred_to_mediation, handled, reviewed, closed_final, the last also marking the
 * petition closed for good), the level reached and the follow-up's satisfaction. Archiving grows
 * from here.
 */
@Component
public class CloseCaseWorker {

  private final CaseClosing closing;

  CloseCaseWorker(CaseClosing closing) {
    this.closing = closing;
  }

  @JobWorker(type = "jiefen.case.close", fetchVariables = {"caseId", "level", "satisfaction"})
  public void close(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    Integer satisfaction = v.get("satisfaction") instanceof Number n ? n.intValue() : null;
    JobFailures.guard(job, () -> {
      closing.close(caseId, job.getCustomHeaders().get("outcome"), (String) v.get("level"), satisfaction);
      return null;
    });
  }
}
