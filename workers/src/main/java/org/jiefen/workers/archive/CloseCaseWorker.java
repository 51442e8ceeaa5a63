package org.jiefen.workers.archive;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.jiefen.archive.Archiver;
import org.jiefen.cases.CaseClosing;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.case.close}: marks the case file closed with the outcome in the task's
 * {@code outcome} header (mediation: agreed, terminated, refused, linked; petitions: not_accepted,
 * legal_channel, referred_to_mediation, handled, reviewed, closed_final, the last also marking the
 * petition closed for good), the level reached and the follow-up's satisfaction; then archives it
 * (record, bundle PDF, {@code archivedAt}). Both are idempotent, so a job that failed in either is
 * retried with {@link JobFailures}' backoff and finishes what it began; after the model's retries an
 * incident remains, and {@code ArchiveSweeper} archives the closed case all the same.
 */
@Component
public class CloseCaseWorker {

  private final CaseClosing closing;
  private final Archiver archiver;

  CloseCaseWorker(CaseClosing closing, Archiver archiver) {
    this.closing = closing;
    this.archiver = archiver;
  }

  @JobWorker(type = "jiefen.case.close", fetchVariables = {"caseId", "level", "satisfaction"})
  public void close(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    Integer satisfaction = v.get("satisfaction") instanceof Number n ? n.intValue() : null;
    JobFailures.guard(job, () -> {
      closing.close(caseId, job.getCustomHeaders().get("outcome"), (String) v.get("level"), satisfaction);
      archiver.archive(caseId);
      return null;
    });
  }
}
