package org.jiefen.workers.petition;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.jiefen.cases.PetitionSupervisions;
import org.jiefen.petition.PetitionUnits;
import org.jiefen.units.Unit;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.petition.supervise}: a petition's clock ran out; the unit above the unit that owns
 * the clock supervises (督办). Reads the variables {@code caseId}, {@code unitCode} (the unit whose
 * clock went red: the handling unit, or the office for triage) and {@code clockId} (the catalog id
 * of the clock; header {@code clock} when the model gives it statically). Records the supervision
 * in the case file (clock, supervising and supervised unit, the clock's due date, opened now) and
 * a 督办 timeline entry, and answers {@code supervisorUnitCode}: the parent of {@code unitCode}, or
 * {@code unitCode} itself at the top of the tree. A retry finds the supervision it opened.
 */
@Component
public class SuperviseWorker {

  private final PetitionSupervisions supervisions;
  private final PetitionUnits units;

  SuperviseWorker(PetitionSupervisions supervisions, PetitionUnits units) {
    this.supervisions = supervisions;
    this.units = units;
  }

  @JobWorker(type = "jiefen.petition.supervise", fetchVariables = {"caseId", "unitCode", "clockId"})
  public Map<String, Object> supervise(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    String clockId = PetitionJobs.text(v, "clockId");
    if (clockId == null) {
      clockId = PetitionJobs.header(job, "clock");
    }
    String unitCode = PetitionJobs.text(v, "unitCode");
    if (clockId == null || unitCode == null) {
      throw JobFailures.incident("the supervision task " + job.getElementId()
          + " needs the variables unitCode and clockId (or a clock header)");
    }
    String clock = clockId;
    return JobFailures.guard(job, () -> {
      Unit supervisor = units.above(unitCode);
      supervisions.open(caseId, PetitionJobs.key(job), clock, unitCode, supervisor.code());
      return Map.of("supervisorUnitCode", supervisor.code());
    });
  }
}
