package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiefen.processes.PetitionDriver.instant;
import static org.jiefen.processes.PetitionFakes.CITY;
import static org.jiefen.processes.PetitionFakes.COUNTY;
import static org.jiefen.processes.PetitionFakes.HOUSING_BUREAU;
import static org.jiefen.processes.PetitionFakes.LABOUR_BUREAU;
import static org.jiefen.processes.PetitionFakes.PROVINCE;
import static org.jiefen.processes.PetitionFakes.TOWN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of processes/petition/Petition.bpmn and PetitionSupervision.bpmn on the engine:
 * triage (accept, not accepted, legal channel, forward and assign, a receiving body's objection
 * and return), handling with and without an extension, the opinion, review, re-review with a
 * hearing, the request windows expiring, the mediation referral, and each clock's warning and
 * overdue supervision one level up, with and without the leader taking ownership. Timers move on
 * the engine clock. Each test has an engine of its own: the assertions read the engine's record
 * stream, which would otherwise grow with every test before.
 */
class PetitionProcessTest {

  static EngineHarness harness;

  static final List<String> FORMS = List.of(
      "petition-triage", "petition-competence", "petition-handling", "petition-extension", "petition-after-opinion",
      "petition-after-review", "petition-review", "petition-re-review", "petition-hearing", "petition-supervision");

  /** What the model may keep as process variables: routing data only, never names or free text. */
  static final Set<String> ROUTING_VARIABLES = Set.of(
      "caseId", "kind", "petitionKind", "channel", "unitCode", "originUnitCode", "repeatSuspected", "registeredBy",
      "unitOptions", "triageDue", "triageWarn", "triageDecision", "targetUnitCode", "assignDue", "handlingUnitCode",
      "objectionDue", "objectionWarn", "competent", "documentSha", "handlingDue", "handlingWarn", "handlingOutcome",
      "extensionApproved", "handlingExtended", "mediationCaseId", "reviewWindowDue", "reviewWindowWarn",
      "reviewRequested", "satisfaction", "reviewUnitCode", "reviewDue", "reviewWarn", "reviewDecision",
      "reReviewWindowDue", "reReviewWindowWarn", "reReviewRequested", "reReviewUnitCode", "reReviewDue",
      "reReviewWarn", "hearing", "reReviewDecision", "triageWarnedFor", "triageOverdueFor", "handlingWarnedFor",
      "handlingOverdueFor", "reReviewWarnedFor", "reReviewOverdueFor");

  @BeforeEach
  void deploy() throws Exception {
    harness = new EngineHarness();
    List<String> resources = new ArrayList<>(List.of(
        "processes/petition/Petition.bpmn", "processes/petition/PetitionSupervision.bpmn"));
    FORMS.forEach(form -> resources.add("forms/petition/" + form + ".form"));
    harness.deploy(resources.toArray(String[]::new));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private PetitionDriver start() throws Exception {
    return PetitionDriver.start(harness, TOWN);
  }

  // --- triage

  @Test
  void acceptedByTheOfficeHandledOnTimeAndNoReviewAsked() throws Exception {
    Instant registered = harness.engine.now();
    PetitionDriver d = start();
    assertThat(d.mails).containsExactly("petition-registered → PARTIES @" + TOWN);
    assertThat(d.fakes.clocks).containsExactly("start petition-triage");
    assertThat(d.fakes.moves).as("the options are loaded just before the triage task").containsExactly("options");
    assertThat(d.variable("unitOptions")).isEqualTo(PetitionFakes.UNIT_OPTIONS);
    UserTaskRecordValue triage = d.task("Task_Triage");
    assertThat(triage.getCandidateGroupsList()).containsExactly("petition:" + TOWN);
    assertThat(d.instantVariable("triageDue")).isEqualTo(PetitionFakes.dueAfter(registered, 15));
    assertSchedule(d, triage, "triageDue", "triageWarn");
    assertThat(triage.getFormKey()).isPositive();

    d.triage("accept");
    assertThat(d.fakes.clocks).containsExactly("start petition-triage", "stop petition-triage MET", "start petition-handling");
    assertThat(d.fakes.moves).containsExactly("options", "self " + TOWN);
    assertThat(d.fakes.documents).containsExactly("petition-acceptance ← Task_Triage");
    assertThat(d.mails).containsExactly(
        "petition-registered → PARTIES @" + TOWN, "petition-accepted → PARTIES @" + TOWN + " (handlingDue)");
    UserTaskRecordValue handle = d.task("Task_Handle");
    assertThat(handle.getCandidateGroupsList()).containsExactly("petition:" + TOWN);
    assertThat(d.instantVariable("handlingDue")).isEqualTo(PetitionFakes.dueAfter(harness.engine.now(), 60));
    assertSchedule(d, handle, "handlingDue", "handlingWarn");
    assertThat(handlingChoices(d)).containsExactly("support", "explain", "reject", "mediation", "extension");

    d.advance(Duration.ofDays(20)).handle("support");
    assertThat(d.fakes.clocks).endsWith("stop petition-handling MET", "start petition-review-request");
    assertThat(d.fakes.documents).endsWith("petition-opinion ← Task_Handle");
    assertThat(d.mails).last().isEqualTo("petition-opinion → PARTIES @" + TOWN + " (reviewWindowDue)");
    UserTaskRecordValue after = d.task("Task_AfterOpinion");
    assertThat(after.getCandidateGroupsList()).containsExactly("petition:" + TOWN);
    assertThat(d.instantVariable("reviewWindowDue")).isEqualTo(PetitionFakes.dueAfter(harness.engine.now(), 30));
    assertSchedule(d, after, "reviewWindowDue", "reviewWindowWarn");

    d.afterOpinion("no", "satisfied");
    assertThat(d.fakes.clocks).last().isEqualTo("stop petition-review-request STOPPED");
    assertThat(d.fakes.ratings).containsExactly("Task_AfterOpinion satisfied");
    assertThat(d.fakes.closedAs).isEqualTo("handled");
    assertThat(d.endEvents()).containsExactly("End_Handled");
    assertThat(d.completed()).isTrue();
    assertThat(d.fakes.supervisions).isEmpty();
    assertRoutingOnly(d);
  }

  @Test
  void notAcceptedWithTheWrittenNotice() throws Exception {
    PetitionDriver d = start().triage("not_accepted");
    assertThat(d.fakes.clocks).containsExactly("start petition-triage", "stop petition-triage MET");
    assertThat(d.fakes.documents).containsExactly("petition-non-acceptance ← Task_Triage");
    assertThat(d.mails).containsExactly(
        "petition-registered → PARTIES @" + TOWN, "petition-not-accepted → PARTIES @" + TOWN);
    assertThat(d.fakes.moves).containsExactly("options");
    assertThat(d.fakes.closedAs).isEqualTo("not_accepted");
    assertThat(d.endEvents()).containsExactly("End_NotAccepted");
    assertThat(d.completed()).isTrue();
  }

  @Test
  void mattersForTheCourtsOrLegalBodiesGoToTheLegalChannel() throws Exception {
    PetitionDriver d = start().triage("legal");
    assertThat(d.fakes.clocks).containsExactly("start petition-triage", "stop petition-triage MET");
    assertThat(d.fakes.documents).isEmpty();
    assertThat(d.mails).last().isEqualTo("petition-legal-channel → PARTIES @" + TOWN);
    assertThat(d.fakes.closedAs).isEqualTo("legal_channel");
    assertThat(d.endEvents()).containsExactly("End_LegalChannel");
    assertThat(d.completed()).isTrue();
  }

  @Test
  void forwardedObjectedAndReturnedThenAcceptedByAnotherUnit() throws Exception {
    PetitionDriver d = start();
    Instant firstTriageDue = d.instantVariable("triageDue");
    d.transfer("forward", LABOUR_BUREAU);
    assertThat(d.fakes.clocks).containsExactly(
        "start petition-triage", "stop petition-triage MET", "start petition-objection");
    assertThat(d.fakes.moves).containsExactly("options", "forward " + LABOUR_BUREAU);
    assertThat(d.mails).last().isEqualTo("petition-forwarded → PETITION_CLERK @" + LABOUR_BUREAU + " (objectionDue)");
    UserTaskRecordValue competence = d.task("Task_ConfirmCompetence");
    assertThat(competence.getCandidateGroupsList()).containsExactly("petition:" + LABOUR_BUREAU);
    assertThat(d.instantVariable("objectionDue")).isEqualTo(PetitionFakes.dueAfter(harness.engine.now(), 5));
    assertSchedule(d, competence, "objectionDue", "objectionWarn");

    d.advance(Duration.ofDays(2)).competent("no");
    assertThat(d.fakes.clocks).endsWith("stop petition-objection STOPPED", "start petition-triage");
    assertThat(d.fakes.moves).containsExactly("options", "forward " + LABOUR_BUREAU, "return " + LABOUR_BUREAU, "options");
    assertThat(d.mails).last().isEqualTo("petition-returned → PETITION_CLERK @" + TOWN);
    assertThat(d.fakes.documents).as("no acceptance notice from the objecting body").isEmpty();
    assertThat(d.variable("handlingUnitCode")).isNull();
    assertThat(d.variable("targetUnitCode")).as("the old choice does not linger").isNull();
    UserTaskRecordValue again = d.task("Task_Triage");
    assertThat(again.getCandidateGroupsList()).containsExactly("petition:" + TOWN);
    assertThat(d.instantVariable("triageDue")).as("a fresh triage clock").isEqualTo(firstTriageDue.plus(Duration.ofDays(2)));
    assertSchedule(d, again, "triageDue", "triageWarn");

    d.transfer("forward", HOUSING_BUREAU);
    assertThat(d.task("Task_ConfirmCompetence").getCandidateGroupsList()).containsExactly("petition:" + HOUSING_BUREAU);
    d.competent("yes");
    assertThat(d.fakes.clocks).endsWith("stop petition-objection MET", "start petition-handling");
    assertThat(d.fakes.documents).containsExactly("petition-acceptance ← Task_ConfirmCompetence");
    assertThat(d.mails).last().isEqualTo("petition-accepted → PARTIES @" + HOUSING_BUREAU + " (handlingDue)");
    UserTaskRecordValue handle = d.task("Task_Handle");
    assertThat(handle.getCandidateGroupsList()).containsExactly("petition:" + HOUSING_BUREAU);
    assertSchedule(d, handle, "handlingDue", "handlingWarn");

    d.handle("reject").afterOpinion("no", "dissatisfied");
    assertThat(d.fakes.documents).last().isEqualTo("petition-opinion ← Task_Handle");
    assertThat(d.mails).last().isEqualTo("petition-opinion → PARTIES @" + HOUSING_BUREAU + " (reviewWindowDue)");
    assertThat(d.fakes.closedAs).isEqualTo("handled");
    assertThat(d.endEvents()).containsExactly("End_Handled");
    assertRoutingOnly(d);
  }

  @Test
  void aTransferWithoutItsUnitOrDeadlineIsAskedAgainWithoutRepeatingWarningOrSupervision() throws Exception {
    PetitionDriver d = start();
    d.advance(Duration.ofDays(16));
    assertThat(d.mailsFrom("petition-clock-warning")).containsExactly(
        "petition-clock-warning → PETITION_CLERK @" + TOWN + " (triageDue)");
    assertThat(d.fakes.supervisions).containsExactly("petition-triage @" + TOWN + " → " + COUNTY);

    d.triage("forward");
    assertThat(d.openTaskIds()).containsExactlyInAnyOrder("Task_Triage", "Task_Supervise");
    d.complete("Task_Triage", Map.of("triageDecision", "assign", "targetUnitCode", LABOUR_BUREAU));
    assertThat(d.openTaskIds()).containsExactlyInAnyOrder("Task_Triage", "Task_Supervise");
    assertThat(d.fakes.clocks).as("the triage clock still runs").containsExactly(
        "start petition-triage", "overdue petition-triage");
    assertThat(d.fakes.moves).containsExactly("options");
    assertThat(d.mailsFrom("petition-clock-warning")).as("warned once for this due date").hasSize(1);
    assertThat(d.fakes.supervisions).as("supervised once for this due date").hasSize(1);
    assertThat(d.endEvents()).as("the first warning, then each return to the task ending quietly")
        .containsExactlyInAnyOrder("End_TriageWarned", "End_TriageWarned", "End_TriageWarned", "End_TriageSupervised",
            "End_TriageSupervised");

    d.transfer("assign", LABOUR_BUREAU);
    assertThat(d.fakes.moves).containsExactly("options", "assign " + LABOUR_BUREAU);
    assertThat(d.task("Task_ConfirmCompetence").getCandidateGroupsList()).containsExactly("petition:" + LABOUR_BUREAU);
  }

  @Test
  void anAssignmentCarriesItsDeadlineAndRunsTheOneHandlingClock() throws Exception {
    PetitionDriver d = start().transfer("assign", LABOUR_BUREAU);
    assertThat(d.fakes.moves).containsExactly("options", "assign " + LABOUR_BUREAU);
    assertThat(d.fakes.assignDue).isEqualTo("2027-01-20");
    assertThat(d.mails).last().isEqualTo("petition-forwarded → PETITION_CLERK @" + LABOUR_BUREAU + " (objectionDue)");

    Instant accepted = harness.engine.now();
    d.competent("yes");
    assertThat(d.fakes.clocks).containsExactly("start petition-triage", "stop petition-triage MET",
        "start petition-objection", "stop petition-objection MET", "start petition-handling");
    UserTaskRecordValue handle = d.task("Task_Handle");
    assertThat(handle.getCandidateGroupsList()).containsExactly("petition:" + LABOUR_BUREAU);
    assertThat(d.instantVariable("handlingDue")).isEqualTo(PetitionFakes.dueAfter(accepted, 60));
    assertSchedule(d, handle, "handlingDue", "handlingWarn");
  }

  // --- handling

  @Test
  void anApprovedExtensionAddsThirtyDaysOnceAndIsNotOfferedAgain() throws Exception {
    PetitionDriver d = start().triage("accept");
    Instant due = d.instantVariable("handlingDue");
    d.handle("extension");
    UserTaskRecordValue approval = d.task("Task_ApproveExtension");
    assertThat(approval.getCandidateGroupsList()).containsExactly("supervisor:" + TOWN);
    assertSchedule(d, approval, "handlingDue", "handlingWarn");

    d.complete("Task_ApproveExtension", Map.of("extensionApproved", "yes"));
    assertThat(d.fakes.clocks).last().isEqualTo("extend petition-handling");
    assertThat(d.fakes.extensionReasons).singleElement().asString().contains("第三十四条").doesNotContain("\n");
    assertThat(d.instantVariable("handlingDue")).isEqualTo(due.plus(Duration.ofDays(30)));
    assertThat(d.variable("extensionReason")).as("the fixed reason stays local to the clock task").isNull();
    assertThat(d.mails).last().isEqualTo("petition-extended → PARTIES @" + TOWN + " (handlingDue)");
    UserTaskRecordValue handle = d.task("Task_Handle");
    assertSchedule(d, handle, "handlingDue", "handlingWarn");
    assertThat(handlingChoices(d)).as("no second extension is offered").containsExactly(
        "support", "explain", "reject", "mediation");

    d.handle("extension");
    assertThat(d.openTaskIds()).as("asked anyway: the task comes back, nobody is asked to approve").containsExactly(
        "Task_Handle");
    assertThat(d.fakes.clocks).filteredOn(c -> c.startsWith("extend")).hasSize(1);

    d.advance(Duration.ofDays(61));
    assertThat(d.fakes.clocks).as("the extended clock is not overdue after 61 days").doesNotContain(
        "overdue petition-handling");
    d.handle("explain");
    assertThat(d.fakes.clocks).endsWith("stop petition-handling MET", "start petition-review-request");
    assertThat(d.task("Task_AfterOpinion")).isNotNull();
  }

  @Test
  void aDeniedExtensionKeepsTheDueDateAndMayBeAskedAgainWithoutRepeatedWarnings() throws Exception {
    PetitionDriver d = start().triage("accept");
    Instant due = d.instantVariable("handlingDue");
    d.advance(Duration.ofDays(50));
    assertThat(d.mailsFrom("petition-clock-warning")).containsExactly(
        "petition-clock-warning → PETITION_CLERK @" + TOWN + " (handlingDue)");

    d.handle("extension").complete("Task_ApproveExtension", Map.of("extensionApproved", "no"));
    assertThat(d.fakes.clocks).noneMatch(c -> c.startsWith("extend"));
    assertThat(d.mailsFrom("petition-extended")).isEmpty();
    assertThat(d.instantVariable("handlingDue")).isEqualTo(due);
    assertSchedule(d, d.task("Task_Handle"), "handlingDue", "handlingWarn");
    assertThat(handlingChoices(d)).contains("extension");
    assertThat(d.mailsFrom("petition-clock-warning")).as("the task came back: no second warning").hasSize(1);

    d.advance(Duration.ofDays(11));
    assertThat(d.fakes.supervisions).containsExactly("petition-handling @" + TOWN + " → " + COUNTY);
    d.handle("extension").complete("Task_ApproveExtension", Map.of("extensionApproved", "no"));
    assertThat(d.fakes.supervisions).as("the task came back: no second supervision").hasSize(1);
    assertThat(d.mailsFrom("petition-clock-warning")).hasSize(1);
    assertThat(d.openTaskIds()).containsExactlyInAnyOrder("Task_Handle", "Task_Supervise");
  }

  @Test
  void anExtensionTheClockRefusesGoesBackToTheHandlingTask() throws Exception {
    PetitionDriver d = start().triage("accept");
    Instant due = d.instantVariable("handlingDue");
    d.fakes.refuseExtensions = true;
    d.handle("extension").complete("Task_ApproveExtension", Map.of("extensionApproved", "yes"));
    assertThat(d.fakes.clocks).last().isEqualTo("extend petition-handling");
    assertThat(d.mailsFrom("petition-extended")).isEmpty();
    assertThat(d.instantVariable("handlingDue")).isEqualTo(due);
    assertThat(d.variable("handlingExtended")).isNull();
    assertThat(d.openTaskIds()).containsExactly("Task_Handle");
    assertThat(harness.incidents(d.instance)).isEmpty();
  }

  @Test
  void referredToPeoplesMediation() throws Exception {
    PetitionDriver d = start().triage("accept").handle("mediation");
    assertThat(d.fakes.clocks).last().isEqualTo("stop petition-handling STOPPED");
    assertThat(d.fakes.mediationReferrals).isEqualTo(1);
    assertThat(d.variable("mediationCaseId")).isEqualTo(PetitionFakes.MEDIATION_CASE);
    assertThat(d.mails).last().isEqualTo("petition-referred-to-mediation → PARTIES @" + TOWN);
    assertThat(d.fakes.documents).containsExactly("petition-acceptance ← Task_Triage");
    assertThat(d.fakes.closedAs).isEqualTo("referred_to_mediation");
    assertThat(d.endEvents()).containsExactly("End_ReferredToMediation");
    assertThat(d.completed()).isTrue();
  }

  // --- review and re-review

  @Test
  void reviewThenReReviewWithAHearingPausingTheClockClosesForGood() throws Exception {
    PetitionDriver d = start().triage("accept").handle("reject").afterOpinion("yes", "dissatisfied");
    assertThat(d.fakes.clocks).endsWith("stop petition-review-request MET", "start petition-review");
    assertThat(d.fakes.ratings).containsExactly("Task_AfterOpinion dissatisfied");
    assertThat(d.fakes.moves).endsWith("review " + COUNTY);
    UserTaskRecordValue review = d.task("Task_Review");
    assertThat(review.getCandidateGroupsList()).containsExactly("petition:" + COUNTY);
    assertThat(d.instantVariable("reviewDue")).isEqualTo(PetitionFakes.dueAfter(harness.engine.now(), 30));
    assertSchedule(d, review, "reviewDue", "reviewWarn");

    d.complete("Task_Review", Map.of("reviewDecision", "uphold"));
    assertThat(d.fakes.clocks).endsWith("stop petition-review MET", "start petition-re-review-request");
    assertThat(d.fakes.documents).last().isEqualTo("petition-opinion ← Task_Review");
    assertThat(d.mails).last().isEqualTo("petition-review-decided → PARTIES @" + COUNTY + " (reReviewWindowDue)");
    UserTaskRecordValue afterReview = d.task("Task_AfterReview");
    assertThat(afterReview.getCandidateGroupsList()).containsExactly("petition:" + TOWN);
    assertSchedule(d, afterReview, "reReviewWindowDue", "reReviewWindowWarn");

    d.afterReview("yes", "dissatisfied");
    assertThat(d.fakes.clocks).endsWith("stop petition-re-review-request MET", "start petition-re-review");
    assertThat(d.fakes.ratings).containsExactly("Task_AfterOpinion dissatisfied", "Task_AfterReview dissatisfied");
    assertThat(d.fakes.moves).endsWith("re-review " + CITY);
    UserTaskRecordValue reReview = d.task("Task_ReReview");
    assertThat(reReview.getCandidateGroupsList()).containsExactly("petition:" + CITY);
    assertSchedule(d, reReview, "reReviewDue", "reReviewWarn");
    Instant due = d.instantVariable("reReviewDue");

    d.complete("Task_ReReview", Map.of("hearing", true));
    assertThat(d.fakes.clocks).last().isEqualTo("pause petition-re-review");
    assertThat(d.fakes.pauseReasons).singleElement().asString().contains("听证").contains("第三十六条");
    UserTaskRecordValue hearing = d.task("Task_Hearing");
    assertThat(hearing.getCandidateGroupsList()).containsExactly("petition:" + CITY);
    assertThat(hearing.getDueDate()).as("the clock is paused: no due date").isNullOrEmpty();

    d.advance(Duration.ofDays(3)).complete("Task_Hearing", Map.of());
    assertThat(d.fakes.clocks).last().isEqualTo("resume petition-re-review");
    assertThat(d.instantVariable("reReviewDue")).as("the hearing's days are not counted").isEqualTo(
        due.plus(Duration.ofDays(3)));
    assertThat(d.variable("hearing")).isEqualTo(false);
    assertSchedule(d, d.task("Task_ReReview"), "reReviewDue", "reReviewWarn");

    d.complete("Task_ReReview", Map.of("hearing", false, "reReviewDecision", "change"));
    assertThat(d.fakes.clocks).last().isEqualTo("stop petition-re-review MET");
    assertThat(d.fakes.documents).containsExactly("petition-acceptance ← Task_Triage", "petition-opinion ← Task_Handle",
        "petition-opinion ← Task_Review", "petition-opinion ← Task_ReReview");
    assertThat(d.mails).last().isEqualTo("petition-final → PARTIES @" + CITY);
    assertThat(d.fakes.closedAs).isEqualTo("closed_final");
    assertThat(d.endEvents()).containsExactly("End_ClosedFinal");
    assertThat(d.completed()).isTrue();
    assertThat(d.fakes.supervisions).isEmpty();
    assertRoutingOnly(d);
  }

  @Test
  void theReviewWindowExpiringClosesTheCaseAsHandled() throws Exception {
    PetitionDriver d = start().triage("accept").handle("support");
    Instant windowDue = d.instantVariable("reviewWindowDue");
    d.advance(Duration.between(harness.engine.now(), windowDue).minusMinutes(5));
    assertThat(d.openTaskIds()).containsExactly("Task_AfterOpinion");
    assertThat(d.mailsFrom("petition-clock-warning")).as("the petitioner's window warns nobody").isEmpty();
    d.advance(Duration.ofMinutes(10));
    assertThat(d.openTaskIds()).isEmpty();
    assertThat(d.fakes.clocks).last().isEqualTo("stop petition-review-request EXPIRED");
    assertThat(d.fakes.ratings).containsExactly("Task_AfterOpinion -");
    assertThat(d.fakes.closedAs).isEqualTo("handled");
    assertThat(d.endEvents()).containsExactly("End_Handled");
    assertThat(d.completed()).isTrue();
  }

  @Test
  void theReReviewWindowExpiringClosesTheCaseAsReviewed() throws Exception {
    PetitionDriver d = start().triage("accept").handle("support").afterOpinion("yes", "not_rated")
        .complete("Task_Review", Map.of("reviewDecision", "change"));
    d.advance(Duration.ofDays(31));
    assertThat(d.openTaskIds()).isEmpty();
    assertThat(d.fakes.clocks).last().isEqualTo("stop petition-re-review-request EXPIRED");
    assertThat(d.fakes.ratings).containsExactly("Task_AfterOpinion not_rated", "Task_AfterReview not_rated");
    assertThat(d.fakes.closedAs).isEqualTo("reviewed");
    assertThat(d.endEvents()).containsExactly("End_Reviewed");
    assertThat(d.completed()).isTrue();
  }

  @Test
  void noReReviewAskedClosesTheCaseAsReviewed() throws Exception {
    PetitionDriver d = start().triage("accept").handle("support").afterOpinion("yes", "dissatisfied")
        .complete("Task_Review", Map.of("reviewDecision", "change")).afterReview("no", "basically_satisfied");
    assertThat(d.fakes.clocks).last().isEqualTo("stop petition-re-review-request STOPPED");
    assertThat(d.fakes.ratings).last().isEqualTo("Task_AfterReview basically_satisfied");
    assertThat(d.fakes.closedAs).isEqualTo("reviewed");
    assertThat(d.endEvents()).containsExactly("End_Reviewed");
    assertThat(d.completed()).isTrue();
  }

  // --- warnings, overdue and supervision

  /** A clock, how to reach its task, and the units involved. */
  record Clock(String id, String task, String dueVariable, String unit, String supervisor, int days,
      Consumer<PetitionDriver> reach) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Arguments> clocks() {
    List<Clock> clocks = List.of(
        new Clock("petition-triage", "Task_Triage", "triage", TOWN, COUNTY, 15, d -> {}),
        new Clock("petition-objection", "Task_ConfirmCompetence", "objection", LABOUR_BUREAU, COUNTY, 5,
            d -> run(() -> d.transfer("forward", LABOUR_BUREAU))),
        new Clock("petition-handling", "Task_Handle", "handling", TOWN, COUNTY, 60,
            d -> run(() -> d.triage("accept"))),
        new Clock("petition-review", "Task_Review", "review", COUNTY, CITY, 30,
            d -> run(() -> d.triage("accept").handle("support").afterOpinion("yes", "dissatisfied"))),
        new Clock("petition-re-review", "Task_ReReview", "reReview", CITY, PROVINCE, 30,
            d -> run(() -> d.triage("accept").handle("support").afterOpinion("yes", "dissatisfied")
                .complete("Task_Review", Map.of("reviewDecision", "uphold")).afterReview("yes", "dissatisfied"))));
    // Each clock once, the leader taking ownership or not in turn: both outcomes on several clocks.
    return java.util.stream.IntStream.range(0, clocks.size()).mapToObj(i -> Arguments.of(clocks.get(i), i % 2 == 0));
  }

  @ParameterizedTest(name = "{0} overdue, leader takes ownership: {1}")
  @MethodSource("clocks")
  void aClockThatRunsOutIsSupervisedOneLevelUp(Clock clock, boolean takeOwnership) throws Exception {
    PetitionDriver d = start();
    clock.reach().accept(d);
    UserTaskRecordValue task = d.task(clock.task());
    assertThat(task.getCandidateGroupsList()).containsExactly("petition:" + clock.unit());
    Instant due = d.instantVariable(clock.dueVariable() + "Due");
    Instant warn = d.instantVariable(clock.dueVariable() + "Warn");
    assertThat(due).isEqualTo(PetitionFakes.dueAfter(harness.engine.now(), clock.days()));
    assertSchedule(d, task, clock.dueVariable() + "Due", clock.dueVariable() + "Warn");
    String warning = "petition-clock-warning → PETITION_CLERK @" + clock.unit() + " (" + clock.dueVariable() + "Due)";

    d.advance(Duration.between(harness.engine.now(), warn).minusMinutes(5));
    assertThat(d.mailsFrom("petition-clock-warning")).isEmpty();
    d.advance(Duration.ofMinutes(10));
    assertThat(d.mailsFrom("petition-clock-warning")).containsExactly(warning);
    assertThat(d.openTaskIds()).as("a warning leaves the task as it is").containsExactly(clock.task());

    d.advance(Duration.between(harness.engine.now(), due).minusMinutes(5));
    assertThat(d.fakes.clocks).doesNotContain("overdue " + clock.id());
    d.advance(Duration.ofMinutes(10));
    assertThat(d.fakes.clocks).last().isEqualTo("overdue " + clock.id());
    assertThat(d.fakes.supervisions).containsExactly(clock.id() + " @" + clock.unit() + " → " + clock.supervisor());
    assertThat(d.mails).last().isEqualTo(
        "petition-overdue → SUPERVISOR @" + clock.supervisor() + " [PetitionSupervision]");
    assertThat(d.openTaskIds()).as("the clerk's task stays open beside the supervision")
        .containsExactlyInAnyOrder(clock.task(), "Task_Supervise");
    UserTaskRecordValue supervise = d.task("Task_Supervise");
    assertThat(supervise.getCandidateGroupsList()).containsExactly("supervisor:" + clock.supervisor());
    assertThat(supervise.getProcessInstanceKey()).isNotEqualTo(d.instance);
    long child = supervise.getProcessInstanceKey();
    assertThat(harness.variables(child)).as("the supervision gets routing data only")
        .containsOnlyKeys("caseId", "unitCode", "clockId", "supervisorUnitCode");
    assertThat(harness.variables(child)).containsEntry("unitCode", clock.unit()).containsEntry("clockId", clock.id());

    d.complete("Task_Supervise", Map.of("takeOwnership", takeOwnership));
    assertThat(d.fakes.ownerships).isEqualTo(takeOwnership ? 1 : 0);
    assertThat(harness.endEvents(child)).containsExactly(takeOwnership ? "End_Owned" : "End_Supervised");
    assertThat(harness.variables(d.instance)).as("nothing comes back from the supervision")
        .doesNotContainKeys("supervisorUnitCode", "takeOwnership", "clockId");

    d.advance(Duration.ofDays(20));
    assertThat(d.fakes.supervisions).as("one supervision per overdue clock").hasSize(1);
    assertThat(d.mailsFrom("petition-clock-warning")).hasSize(1);
    assertThat(d.openTaskIds()).containsExactly(clock.task());
  }

  // --- the model's static contract

  @Test
  void everyUserTaskHasItsFormAndScheduleAndTheFormsCarryOnlyRoutingFieldsToTheEngine() throws Exception {
    Map<String, String> formOfTask = new TreeMap<>();
    List<String> unscheduled = new ArrayList<>();
    for (String resource : List.of("processes/petition/Petition.bpmn", "processes/petition/PetitionSupervision.bpmn")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          formOfTask.put(task.getId(), task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId());
          if (task.getSingleExtensionElement(ZeebeTaskSchedule.class) == null) {
            unscheduled.add(task.getId());
          }
        }
      }
    }
    assertThat(formOfTask).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Task_Triage", "petition-triage", "Task_ConfirmCompetence", "petition-competence",
        "Task_Handle", "petition-handling", "Task_ApproveExtension", "petition-extension",
        "Task_AfterOpinion", "petition-after-opinion", "Task_AfterReview", "petition-after-review",
        "Task_Review", "petition-review", "Task_ReReview", "petition-re-review", "Task_Hearing", "petition-hearing",
        "Task_Supervise", "petition-supervision"));
    assertThat(unscheduled).as("the hearing runs while its clock is paused; supervision has no clock")
        .containsExactlyInAnyOrder("Task_Hearing", "Task_Supervise");

    Map<String, Set<String>> processFields = new TreeMap<>();
    for (String form : FORMS) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/petition/" + form + ".form")) {
        JsonNode schema = new ObjectMapper().readTree(in);
        assertThat(schema.path("id").asText()).isEqualTo(form);
        Set<String> keys = new TreeSet<>();
        schema.path("components").forEach(c -> {
          if ("true".equals(c.path("properties").path("process").asText())) {
            keys.add(c.path("key").asText());
          }
        });
        processFields.put(form, keys);
      }
    }
    assertThat(processFields).containsExactlyInAnyOrderEntriesOf(Map.of(
        "petition-triage", Set.of("triageDecision", "targetUnitCode", "assignDue"),
        "petition-competence", Set.of("competent"),
        "petition-handling", Set.of("handlingOutcome"),
        "petition-extension", Set.of("extensionApproved"),
        "petition-after-opinion", Set.of("reviewRequested", "satisfaction"),
        "petition-after-review", Set.of("reReviewRequested", "satisfaction"),
        "petition-review", Set.of("reviewDecision"),
        "petition-re-review", Set.of("hearing", "reReviewDecision"),
        "petition-hearing", Set.of(),
        "petition-supervision", Set.of("takeOwnership")));
  }

  // --- helpers

  private static void assertSchedule(PetitionDriver d, UserTaskRecordValue task, String due, String followUp) {
    assertThat(instant(task.getDueDate())).as(task.getElementId() + " due").isEqualTo(d.instantVariable(due));
    assertThat(instant(task.getFollowUpDate())).as(task.getElementId() + " follow-up").isEqualTo(d.instantVariable(followUp));
    assertThat(d.instantVariable(followUp)).isBefore(d.instantVariable(due));
  }

  @SuppressWarnings("unchecked")
  private static List<String> handlingChoices(PetitionDriver d) {
    Object options = harness.localVariable(d.task("Task_Handle").getElementInstanceKey(), "handlingOptions");
    return ((List<Map<String, Object>>) options).stream().map(o -> (String) o.get("value")).toList();
  }

  private static void assertRoutingOnly(PetitionDriver d) {
    assertThat(harness.variables(d.instance).keySet()).as("process variables").isSubsetOf(ROUTING_VARIABLES);
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void run(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
