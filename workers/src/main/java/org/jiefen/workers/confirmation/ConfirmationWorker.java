package org.jiefen.workers.confirmation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.jiefen.cases.CaseConfirmation;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.cases.Confirmations;
import org.jiefen.confirmation.CompetentCourt;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.confirmation.record}: one step of the court confirmation in the case file. Header
 * {@code status} names the step ({@link Confirmations.Step}); optional header {@code record} names
 * the user task whose recorded form holds the step's facts (court, dates, numbers, reasons), read
 * from the case timeline so that free text never passes through the engine.
 *
 * <p>Answers: when the window opens, the competent court ({@code court}, shown in the application
 * form), {@code courtUnitCode} (whose court liaisons get the court's tasks) and
 * {@code agreementEffective} (the start of the 30-day window); at the end of each path,
 * {@code confirmationResult} (refused, declined, expired, confirmed, rejected) for the calling
 * mediation.
 */
@Component
public class ConfirmationWorker {

  private final Confirmations confirmations;
  private final CompetentCourt courts;
  private final CaseTimeline timeline;

  ConfirmationWorker(Confirmations confirmations, CompetentCourt courts, CaseTimeline timeline) {
    this.confirmations = confirmations;
    this.courts = courts;
    this.timeline = timeline;
  }

  @JobWorker(type = "jiefen.confirmation.record", fetchVariables = {"caseId", "unitCode", "eligibility"})
  public Map<String, Object> record(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Confirmations.Step step = step(job.getCustomHeaders().get("status"));
    String recordOf = job.getCustomHeaders().get("record");
    Map<String, Object> variables = job.getVariablesAsMap();
    String key = job.getElementId() + "-" + job.getElementInstanceKey();
    return JobFailures.guard(job, () -> {
      Map<String, Object> data = recordOf == null || recordOf.isBlank()
          ? Map.of()
          : timeline.latestRecord(caseId, recordOf).map(CaseEvent::data).orElse(Map.of());
      Map<String, Object> out = new HashMap<>();
      String court = null;
      String reason = null;
      if (step == Confirmations.Step.WAITING_APPLICATION) {
        String unitCode = variables.get("unitCode") instanceof String u ? u : null;
        CompetentCourt.Court found = courts.of(unitCode)
            .orElseThrow(() -> JobFailures.incident("no county-level unit above unit " + unitCode + " for a court"));
        court = found.name();
        out.put("court", court);
        out.put("courtUnitCode", found.unitCode());
        out.put("agreementEffective", confirmations.agreementEffective(caseId)
            .orElseThrow(() -> JobFailures.incident("the agreement of case " + caseId + " has not taken effect"))
            .toString());
      }
      if (step == Confirmations.Step.REFUSED && variables.get("eligibility") instanceof Map<?, ?> e) {
        reason = e.get("reason") == null ? null : e.get("reason").toString();
      }
      CaseConfirmation written = confirmations.record(caseId, step, key, court, reason, data);
      String result = switch (step) {
        case REFUSED -> "refused";
        case DECLINED -> "declined";
        case EXPIRED -> "expired";
        case CONFIRMED -> "confirmed";
        case REJECTED, NOT_ACCEPTED -> "rejected";
        default -> null;
      };
      if (result != null) {
        out.put("confirmationResult", result);
      }
      if (step == Confirmations.Step.SUBMITTED && written.court() != null) {
        out.put("court", written.court());
      }
      return out;
    });
  }

  private static Confirmations.Step step(String header) {
    try {
      return Confirmations.Step.valueOf(header == null ? "" : header.strip());
    } catch (IllegalArgumentException e) {
      throw JobFailures.incident("header 'status' must be one of " + java.util.Arrays.toString(Confirmations.Step.values()));
    }
  }
}
