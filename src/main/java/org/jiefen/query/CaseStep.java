package org.jiefen.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jiefen.cases.CitizenLookup;

/**
 * What the citizen is told: a status message key ({@code query.step.*}) and what it names (a
 * mediation level, a last day). Decided from the case's status, its running clocks (petitions:
 * the latest stage whose clock runs) and its open tasks (mediation: the step it waits for).
 */
record CaseStep(String key, String level, LocalDate day) {

  /** Petition clocks from the latest stage to the first: the first one running names the stage. */
  private static final List<String[]> PETITION_STAGES = List.of(
      new String[] {"petition-re-review", "query.step.petition.reReview"},
      new String[] {"petition-re-review-request", "query.step.petition.reReviewWindow"},
      new String[] {"petition-review", "query.step.petition.review"},
      new String[] {"petition-review-request", "query.step.petition.reviewWindow"},
      new String[] {"petition-handling", "query.step.petition.handling"},
      new String[] {"petition-assignment", "query.step.petition.handling"},
      new String[] {"petition-objection", "query.step.petition.triage"},
      new String[] {"petition-acceptance-notice", "query.step.petition.triage"},
      new String[] {"petition-triage", "query.step.petition.triage"});

  /** Mediation tasks, the step each means; the first one open wins. */
  private static final List<String[]> MEDIATION_STEPS = List.of(
      new String[] {"Task_FollowUp", "query.step.mediation.followUp"},
      new String[] {"Task_RecordSignatures", "query.step.mediation.signing"},
      new String[] {"Task_RecordAgreement", "query.step.mediation.agreement"},
      new String[] {"Task_RiskDecision", "query.step.mediation.paused"},
      new String[] {"Task_ResumeMediation", "query.step.mediation.paused"},
      new String[] {"Task_RecordSession", "query.step.mediation.session"},
      new String[] {"Task_ScheduleSession", "query.step.mediation.schedule"},
      new String[] {"Task_RecordConsent", "query.step.mediation.consent"},
      new String[] {"Task_CheckDuplicate", "query.step.registered"});

  /** Court confirmation (CourtConfirmation.bpmn): its tasks and clocks. */
  private static final List<String> CONFIRMATION_TASKS =
      List.of("Task_PrepareApplication", "Task_CourtAcceptance", "Task_CourtRuling", "Task_AfterRejection");
  private static final List<String> CONFIRMATION_CLOCKS =
      List.of("confirmation-application", "court-acceptance", "court-decision");

  static CaseStep of(CitizenLookup.Standing s, List<String> openElements) {
    if ("CLOSED".equals(s.status())) {
      return new CaseStep("query.step.closed", null, s.closedOn());
    }
    if ("REGISTERED".equals(s.status())) {
      return new CaseStep("query.step.registered", null, null);
    }
    if ("petition".equals(s.kind())) {
      for (String[] stage : PETITION_STAGES) {
        Optional<CitizenLookup.RunningClock> clock = s.clock(stage[0]);
        if (clock.isPresent()) {
          return new CaseStep(stage[1], null, clock.get().lastDay());
        }
      }
      return new CaseStep("query.step.petition.other", null, null);
    }
    if (openElements.stream().anyMatch(CONFIRMATION_TASKS::contains)
        || s.clocks().stream().anyMatch(c -> CONFIRMATION_CLOCKS.contains(c.id()))) {
      return new CaseStep("query.step.mediation.confirmation", null, null);
    }
    for (String[] step : MEDIATION_STEPS) {
      if (openElements.contains(step[0])) {
        return new CaseStep(step[1], s.level(), null);
      }
    }
    if (s.agreementEffective()) {
      return new CaseStep("query.step.mediation.agreed", null, null);
    }
    return new CaseStep("query.step.mediation.other", s.level(), null);
  }

}
