package org.jiefen.workers.petition;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.jiefen.cases.MediationReferrals;
import org.jiefen.cases.PetitionRouting;
import org.jiefen.petition.PetitionUnits;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.petition.mediation}: hands the petition to people's mediation (信访工作条例 Art. 33,
 * with the parties' consent). Registers, once per petition, a mediation case for the same parties
 * at the handling unit ({@code handlingUnitCode}, else the file's, else {@code unitCode}; a
 * department's matters go to the mediation centre of its government, the department's parent),
 * linked both ways, and starts its process; answers {@code mediationCaseId}. A retry answers the
 * case the first attempt registered. A confidential report is refused (an incident).
 */
@Component
public class MediationReferralWorker {

  private final MediationReferrals referrals;
  private final PetitionRouting routing;
  private final PetitionUnits units;

  MediationReferralWorker(MediationReferrals referrals, PetitionRouting routing, PetitionUnits units) {
    this.referrals = referrals;
    this.routing = routing;
    this.units = units;
  }

  @JobWorker(type = "jiefen.petition.mediation", fetchVariables = {"caseId", "handlingUnitCode", "unitCode"})
  public Map<String, Object> refer(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    return JobFailures.guard(job, () -> {
      String unit = PetitionJobs.text(v, "handlingUnitCode");
      if (unit == null) {
        unit = routing.of(caseId).handlingUnitCode();
      }
      if (unit == null) {
        unit = PetitionJobs.text(v, "unitCode");
      }
      if (unit == null) {
        throw new IllegalArgumentException("the mediation referral needs handlingUnitCode or unitCode");
      }
      return Map.of("mediationCaseId", referrals.refer(caseId, units.administrative(unit).code()));
    });
  }
}
