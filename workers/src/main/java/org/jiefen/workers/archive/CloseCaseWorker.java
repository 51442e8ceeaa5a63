package org.jiefen.workers.archive;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.jiefen.cases.CaseClosing;
import org.springframework.stereotype.Component;

/** Marks the case file closed when its process reaches the end. Archiving grows from here. */
@Component
public class CloseCaseWorker {

  private final CaseClosing closing;

  CloseCaseWorker(CaseClosing closing) {
    this.closing = closing;
  }

  @JobWorker(type = "jiefen.case.close", fetchVariables = {"caseId", "outcome"})
  public void close(@Variable String caseId, @Variable String outcome) {
    closing.close(caseId, outcome);
  }
}
