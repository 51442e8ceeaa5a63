package org.jiefen.workers.mediation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.Agreements;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * The agreement's life in the case file. The terms stay out of the engine: the mediator's form
 * data is in the case timeline as the record of {@code Task_RecordAgreement}, and only the signer
 * choices (party-0, mediator, ...) pass through process variables.
 */
@Component
public class AgreementWorker {

  static final String AGREEMENT_TASK = "Task_RecordAgreement";

  private final Agreements agreements;
  private final CaseTimeline timeline;

  AgreementWorker(Agreements agreements, CaseTimeline timeline) {
    this.agreements = agreements;
    this.timeline = timeline;
  }

  /** {@code jiefen.mediation.agreement}: stores the terms; answers the signers for the signing form. */
  @JobWorker(type = "jiefen.mediation.agreement", fetchVariables = {"caseId", "unitCode"})
  public Map<String, Object> record(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    return JobFailures.guard(job, () -> {
      CaseEvent record = timeline.latestRecord(caseId, AGREEMENT_TASK)
          .orElseThrow(() -> new IllegalStateException("no record of " + AGREEMENT_TASK + " for " + caseId));
      List<Agreements.Option> signers = agreements.record(
          caseId, record.data(), record.actor(), (String) job.getVariablesAsMap().get("unitCode"));
      return Map.of("signerOptions", signers, "allSigned", false);
    });
  }

  /** {@code jiefen.mediation.signatures}: records who signed now; answers whether all have. */
  @JobWorker(type = "jiefen.mediation.signatures", fetchVariables = {"caseId", "signers", "signedOn"})
  public Map<String, Object> sign(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    if (!(v.get("signers") instanceof List<?> signers)) {
      throw JobFailures.incident("the signing task must give a list of signers");
    }
    String signedOn = v.get("signedOn") == null ? null : v.get("signedOn").toString();
    return JobFailures.guard(job, () -> {
      Agreements.Signing signing = agreements.sign(caseId, signers.stream().map(String::valueOf).toList(), signedOn);
      return Map.of("allSigned", signing.allSigned(), "signerOptions", signing.remaining());
    });
  }

  /**
   * {@code jiefen.mediation.effective}: all have signed. The documents issue hangs the agreement
   * document and the court confirmation (司法确认) application here.
   */
  @JobWorker(type = "jiefen.mediation.effective", fetchVariables = {"caseId"})
  public void effective(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    JobFailures.guard(job, () -> {
      agreements.effective(caseId);
      return null;
    });
  }
}
