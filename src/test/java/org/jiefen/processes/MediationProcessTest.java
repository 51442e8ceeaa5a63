package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiefen.processes.MediationDriver.COUNTY;
import static org.jiefen.processes.MediationDriver.TOWN;
import static org.jiefen.processes.MediationDriver.VILLAGE;

import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of processes/mediation/Mediation.bpmn and its triage table, on the engine, with the
 * level deadlines and the follow-up timer moved on the engine clock. One engine serves all tests.
 */
class MediationProcessTest {

  static EngineHarness harness;
  private final List<MediationDriver> drivers = new java.util.ArrayList<>();

  @BeforeAll
  static void deploy() throws Exception {
    harness = new EngineHarness();
    harness.deploy(
        "processes/mediation/Mediation.bpmn",
        "processes/mediation/MediationTriage.dmn",
        "forms/mediation/mediation-duplicate.form",
        "forms/mediation/mediation-consent.form",
        "forms/mediation/mediation-schedule.form",
        "forms/mediation/mediation-session.form",
        "forms/mediation/mediation-risk.form",
        "forms/mediation/mediation-resume.form",
        "forms/mediation/mediation-agreement.form",
        "forms/mediation/mediation-signatures.form",
        "forms/mediation/mediation-follow-up.form",
        "processes/confirmation/CourtConfirmation.bpmn",
        "processes/confirmation/ConfirmationEligibility.dmn",
        "forms/confirmation/confirmation-application.form",
        "forms/confirmation/confirmation-acceptance.form",
        "forms/confirmation/confirmation-ruling.form",
        "forms/confirmation/confirmation-after-rejection.form");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /** One engine serves all tests: each test's instance is ended so its timers cannot reach the next test. */
  @AfterEach
  void cancelLeftovers() {
    drivers.forEach(MediationDriver::cancelIfRunning);
  }

  private MediationDriver labourDispute() throws Exception {
    return start("labour", null, false);
  }

  private MediationDriver start(String category, Integer amount, boolean duplicate) throws Exception {
    MediationDriver driver = MediationDriver.start(harness, category, amount, duplicate);
    drivers.add(driver);
    return driver;
  }

  @Test
  void agreementAtTheVillageSignedInTwoRoundsThenFollowedUpAndClosed() throws Exception {
    MediationDriver d = labourDispute();
    assertThat(d.mails).containsExactly("case-accepted → PARTIES @" + VILLAGE);
    assertThat(d.moves).containsExactly("start " + VILLAGE);

    UserTaskRecordValue consent = d.task();
    assertThat(consent.getElementId()).isEqualTo("Task_RecordConsent");
    assertThat(consent.getCandidateGroupsList()).containsExactly("mediator:" + VILLAGE);
    assertThat(consent.getDueDate()).isNotBlank();
    d.consent();

    UserTaskRecordValue schedule = d.task();
    assertThat(schedule.getElementId()).isEqualTo("Task_ScheduleSession");
    assertThat(schedule.getCandidateGroupsList()).containsExactly("mediator:" + VILLAGE);
    assertThat(schedule.getAssignee()).isEmpty();
    assertThat(Instant.parse(schedule.getFollowUpDate())).isBefore(Instant.parse(schedule.getDueDate()));

    d.session("agreed");
    assertThat(d.mails).contains("session-scheduled → PARTIES,MEDIATOR @" + VILLAGE);
    assertThat(d.task().getElementId()).isEqualTo("Task_RecordAgreement");
    d.complete("Task_RecordAgreement", Map.of());
    assertThat(d.fakes.documents).as("the agreement is printed for signing").containsExactly("mediation-agreement");

    d.missingSignatureRounds = 1;
    d.complete("Task_RecordSignatures", Map.of("signers", List.of("party-0", "mediator")));
    assertThat(d.task().getElementId()).as("a party has yet to sign").isEqualTo("Task_RecordSignatures");
    d.complete("Task_RecordSignatures", Map.of("signers", List.of("party-1")));
    assertThat(d.mails).last().isEqualTo("agreement-effective → PARTIES,MEDIATOR @" + VILLAGE);
    assertThat(harness.openTasks(d.instance)).as("no follow-up before its day").isEmpty();

    d.advance(Duration.ofDays(29));
    assertThat(harness.openTasks(d.instance)).isEmpty();
    d.advance(Duration.ofDays(2));
    assertThat(d.mails).last().isEqualTo("follow-up-due → MEDIATOR @" + VILLAGE);
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + VILLAGE);
    d.complete("Task_FollowUp", Map.of("performed", "yes", "satisfaction", 5, "reopen", false));

    assertThat(d.closedAs).isEqualTo("agreed");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_LevelAgreed", "End_Agreed");
    assertThat(harness.completed(d.instance)).isTrue();
    assertThat(d.variable("level", String.class::cast)).isEqualTo("VILLAGE");
  }

  @ParameterizedTest(name = "{0}, amount {1} → {2}")
  @CsvSource({
    "labour, , VILLAGE",
    "neighbour, 99999, VILLAGE",
    "consumer, 100000, TOWN",
    "land, , TOWN",
    "family, 500000, COUNTY",
    "medical, 1000, COUNTY",
  })
  void triageChoosesTheStartingLevel(String category, Integer amount, String level) throws Exception {
    MediationDriver d = start(category, amount, false);
    assertThat(d.variable("startLevel", String.class::cast)).isEqualTo(level);
    String unit = switch (level) {
      case "COUNTY" -> COUNTY;
      case "TOWN" -> TOWN;
      default -> VILLAGE;
    };
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + unit);
  }

  @Test
  void threeFailuresAtEachLevelEscalateVillageTownCountyThenTerminate() throws Exception {
    MediationDriver d = labourDispute().consent();

    d.failLevel();
    assertThat(d.moves).containsExactly("start " + VILLAGE, "choose null", "up " + TOWN);
    assertThat(d.mails).last().isEqualTo("escalated → PARTIES,MEDIATOR @" + TOWN);
    assertThat(d.variable("escalationReason", String.class::cast)).isEqualTo("attempts");
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + TOWN);
    assertThat(d.variable("attempts", Number.class::cast)).isEqualTo(0);

    d.failLevel();
    assertThat(d.mails).last().isEqualTo("escalated → PARTIES,MEDIATOR @" + COUNTY);
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + COUNTY);

    d.session("not_agreed").session("not_agreed");
    assertThat(d.variable("attempts", Number.class::cast)).isEqualTo(2);
    d.session("not_agreed");

    assertThat(d.moves).last().isEqualTo("up: top reached");
    assertThat(d.mails).last().isEqualTo("terminated → PARTIES,MEDIATOR @" + COUNTY);
    assertThat(d.fakes.documents).as("the written notice of Art. 26").containsExactly("mediation-termination");
    assertThat(d.closedAs).isEqualTo("terminated");
    assertThat(harness.openTasks(d.instance)).isEmpty();
    assertThat(harness.endEvents(d.instance)).containsExactly(
        "End_LevelEscalated", "End_LevelEscalated", "End_LevelEscalated", "End_Terminated");
    assertThat(d.mailTemplates()).filteredOn("session-scheduled"::equals).hasSize(9);
  }

  @Test
  void anAgreementConfirmedByTheCourtIsThenFollowedUp() throws Exception {
    MediationDriver d = labourDispute().consent().failLevel();
    d.agreeAndSign(true);
    assertThat(d.mails).contains("agreement-effective → PARTIES,MEDIATOR @" + TOWN);
    assertThat(harness.children(d.instance)).as("CourtConfirmation called").hasSize(1);
    UserTaskRecordValue prepare = d.task();
    assertThat(prepare.getElementId()).isEqualTo("Task_PrepareApplication");
    assertThat(prepare.getCandidateGroupsList()).as("the unit that mediated helps the parties apply")
        .containsExactly("mediator:" + TOWN);
    d.complete("Task_PrepareApplication", Map.of("applicationDecision", "apply"));
    assertThat(d.fakes.documents).containsExactly("mediation-agreement", "confirmation-application");
    assertThat(d.task().getCandidateGroupsList()).containsExactly("court:" + COUNTY);
    d.complete("Task_CourtAcceptance", Map.of("acceptance", "accepted", "acceptedOn", "2026-12-01"));
    d.complete("Task_CourtRuling", Map.of("ruling", "confirmed"));
    assertThat(d.variable("confirmationResult", String.class::cast)).isEqualTo("confirmed");
    assertThat(harness.openTasks(d.instance)).as("waiting for the follow-up").isEmpty();

    d.advance(Duration.ofDays(31));
    d.complete("Task_FollowUp", Map.of("performed", "yes", "satisfaction", 5));
    assertThat(d.closedAs).isEqualTo("agreed");
  }

  @Test
  void aCourtRejectionThePartiesWantToMediateAgainReopensTheLevel() throws Exception {
    MediationDriver d = labourDispute().consent();
    d.agreeAndSign(true);
    d.complete("Task_PrepareApplication", Map.of("applicationDecision", "apply"));
    d.complete("Task_CourtAcceptance", Map.of("acceptance", "accepted", "acceptedOn", "2026-12-01"));
    d.complete("Task_CourtRuling", Map.of("ruling", "rejected"));
    assertThat(d.mails).last().isEqualTo("confirmation-rejected → PARTIES,MEDIATOR @" + VILLAGE + " (CourtConfirmation)");
    d.complete("Task_AfterRejection", Map.of("afterRejection", "remediate"));

    assertThat(d.moves).last().isEqualTo("reopen " + VILLAGE);
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + VILLAGE);
  }

  @Test
  void aCourtRejectionThePartiesTakeToCourtGoesOnToTheFollowUp() throws Exception {
    MediationDriver d = labourDispute().consent();
    d.agreeAndSign(true);
    d.complete("Task_PrepareApplication", Map.of("applicationDecision", "apply"));
    d.complete("Task_CourtAcceptance", Map.of("acceptance", "not_accepted", "acceptedOn", "2026-12-01"));
    d.complete("Task_AfterRejection", Map.of("afterRejection", "litigate"));
    assertThat(d.moves).doesNotContain("reopen " + VILLAGE);
    assertThat(harness.openTasks(d.instance)).isEmpty();
    d.advance(Duration.ofDays(31));
    assertThat(d.task().getElementId()).isEqualTo("Task_FollowUp");
  }

  @Test
  void agreementAtTheTownAfterTheVillageFailed() throws Exception {
    MediationDriver d = labourDispute().consent().failLevel();
    d.agreeAndSign();
    assertThat(d.mails).contains("agreement-effective → PARTIES,MEDIATOR @" + TOWN);
    d.advance(Duration.ofDays(31));
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + TOWN);
    d.complete("Task_FollowUp", Map.of("performed", "yes", "satisfaction", 4));
    assertThat(d.closedAs).isEqualTo("agreed");
    assertThat(d.variable("level", String.class::cast)).isEqualTo("TOWN");
  }

  @Test
  void agreementAtTheCountyAfterTwoLevelsFailed() throws Exception {
    MediationDriver d = labourDispute().consent().failLevel().failLevel();
    d.session("not_agreed").agreeAndSign();
    assertThat(d.mails).last().isEqualTo("agreement-effective → PARTIES,MEDIATOR @" + COUNTY);
    d.advance(Duration.ofDays(31)).complete("Task_FollowUp", Map.of("performed", "partly", "satisfaction", 3));
    assertThat(d.closedAs).isEqualTo("agreed");
    assertThat(d.variable("level", String.class::cast)).isEqualTo("COUNTY");
  }

  @Test
  void theLevelDeadlineWarnsThenEscalatesAtEachLevelAndEndsAfterTheCounty() throws Exception {
    MediationDriver d = labourDispute().consent();
    d.complete("Task_ScheduleSession", Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "调解室"));

    d.advance(Duration.ofDays(24));
    assertThat(d.mailTemplates()).doesNotContain("deadline-warning");
    d.advance(Duration.ofDays(2));
    assertThat(d.mails).last().isEqualTo("deadline-warning → MEDIATOR,SUPERVISOR @" + VILLAGE);
    assertThat(d.task().getElementId()).as("the warning interrupts nothing").isEqualTo("Task_RecordSession");

    d.advance(Duration.ofDays(5));
    assertThat(d.mails).containsSubsequence(
        "level-deadline → SUPERVISOR @" + VILLAGE, "escalated → PARTIES,MEDIATOR @" + TOWN);
    assertThat(d.variable("escalationReason", String.class::cast)).isEqualTo("deadline");
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + TOWN);

    d.advance(Duration.ofDays(26));
    assertThat(d.mails).last().isEqualTo("deadline-warning → MEDIATOR,SUPERVISOR @" + TOWN);
    d.advance(Duration.ofDays(5));
    assertThat(d.mails).containsSubsequence(
        "level-deadline → SUPERVISOR @" + TOWN, "escalated → PARTIES,MEDIATOR @" + COUNTY);
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + COUNTY);

    d.advance(Duration.ofDays(26)).advance(Duration.ofDays(5));
    assertThat(d.mails).containsSubsequence(
        "deadline-warning → MEDIATOR,SUPERVISOR @" + COUNTY,
        "level-deadline → SUPERVISOR @" + COUNTY,
        "terminated → PARTIES,MEDIATOR @" + COUNTY);
    assertThat(d.closedAs).isEqualTo("terminated");
    assertThat(harness.completed(d.instance)).isTrue();
  }

  @Test
  void theModelCarriesTheLevelDeadlinesAndEachCaseKeepsThoseOfItsVersion() throws Exception {
    String shipped = new String(
        MediationProcessTest.class.getResourceAsStream("/processes/mediation/Mediation.bpmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    // a copy under its own id, so the other tests keep the shipped version
    String copy = shipped.replace("\"Mediation\"", "\"MediationDeadlines\"");
    String village = "source='=\"P30D\"' target=\"villageDeadline\"";
    assertThat(copy).contains(village);
    assertThat(harness.deployBytes("MediationDeadlines.bpmn", copy.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(1);
    Instant t0 = harness.engine.now();
    MediationDriver old = start("MediationDeadlines");
    Instant t1 = harness.engine.now();
    assertThat(harness.deployBytes("MediationDeadlines.bpmn",
        copy.replace(village, "source='=\"P10D\"' target=\"villageDeadline\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(2);
    Instant t2 = harness.engine.now();
    MediationDriver shorter = start("MediationDeadlines");
    Instant t3 = harness.engine.now();

    assertThat(old.variable("villageDeadline", String.class::cast)).isEqualTo("P30D");
    assertThat(instant(old, "levelDue")).isBetween(due(t0, 30), due(t1, 30));
    assertThat(shorter.variable("villageDeadline", String.class::cast)).isEqualTo("P10D");
    assertThat(shorter.variable("townDeadline", String.class::cast)).isEqualTo("P30D");
    assertThat(instant(shorter, "levelDue")).isBetween(due(t2, 10), due(t3, 10));
    assertThat(Duration.between(instant(shorter, "levelWarn"), instant(shorter, "levelDue")))
        .isEqualTo(Duration.ofDays(5));

    shorter.consent();
    old.consent();
    Duration past = Duration.ofDays(10).plusMinutes(1);
    Instant t4 = harness.engine.now().plus(past);
    shorter.advance(past);
    old.runJobs();
    Instant t5 = harness.engine.now();
    assertThat(shorter.moves).as("escalated when the 10 days were over").last().isEqualTo("up " + TOWN);
    assertThat(shorter.unitOfTask()).isEqualTo("mediator:" + TOWN);
    assertThat(instant(shorter, "levelDue")).as("the town keeps its 30 days")
        .isBetween(due(t4, 30), due(t5, 30));
    assertThat(old.moves).as("the case on the old version keeps its 30 days at the village")
        .noneMatch(m -> m.startsWith("up"));
    assertThat(old.unitOfTask()).isEqualTo("mediator:" + VILLAGE);
  }

  private MediationDriver start(String processId) throws Exception {
    MediationDriver driver = MediationDriver.start(harness, processId, "labour", null, false);
    drivers.add(driver);
    return driver;
  }

  private static Instant instant(MediationDriver d, String variable) {
    return Instant.parse(d.variable(variable, String.class::cast));
  }

  private static Instant due(Instant entered, int days) {
    return entered.plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  @Test
  void consentNotYetRecordedWarnsTheUnitBeforeTheLevelDeadline() throws Exception {
    MediationDriver d = labourDispute();
    d.advance(Duration.ofDays(24));
    assertThat(d.mailTemplates()).containsExactly("case-accepted");
    d.advance(Duration.ofDays(2));
    assertThat(d.mails).last().isEqualTo("deadline-warning → MEDIATOR,SUPERVISOR @" + VILLAGE);
    assertThat(d.task().getElementId()).isEqualTo("Task_RecordConsent");
    d.consent();
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
  }

  @Test
  void consentRefusedEndsWithANoticeOfOtherRemedies() throws Exception {
    MediationDriver d = labourDispute();
    d.complete("Task_RecordConsent", Map.of("consent", "refused"));
    assertThat(d.mails).containsExactly("case-accepted → PARTIES @" + VILLAGE, "refused → PARTIES,MEDIATOR @" + VILLAGE);
    assertThat(d.closedAs).isEqualTo("refused");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Refused");
  }

  @Test
  void aPartyEndingTheSessionTerminatesMediation() throws Exception {
    MediationDriver d = labourDispute().consent().session("refused");
    assertThat(d.mails).last().isEqualTo("terminated → PARTIES,MEDIATOR @" + VILLAGE);
    assertThat(d.closedAs).isEqualTo("terminated");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_LevelStopped", "End_Terminated");
  }

  @Test
  void riskOfViolenceAlertsThePoliceAndTheSupervisorContinues() throws Exception {
    MediationDriver d = labourDispute().consent().session("not_agreed").session("violence_risk");
    assertThat(d.mails).last().isEqualTo("violence-risk → POLICE_LIAISON,SUPERVISOR @" + VILLAGE);
    assertThat(d.task().getElementId()).isEqualTo("Task_RiskDecision");
    assertThat(d.unitOfTask()).isEqualTo("supervisor:" + VILLAGE);

    d.complete("Task_RiskDecision", Map.of("riskDecision", "continue"));
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
    assertThat(d.variable("attempts", Number.class::cast)).as("a risk report is not a failed attempt").isEqualTo(1);
  }

  @Test
  void riskOfViolencePausedThenResumed() throws Exception {
    MediationDriver d = labourDispute().consent().session("violence_risk");
    d.complete("Task_RiskDecision", Map.of("riskDecision", "pause"));
    UserTaskRecordValue resume = d.task();
    assertThat(resume.getElementId()).isEqualTo("Task_ResumeMediation");
    assertThat(resume.getCandidateGroupsList()).containsExactly("supervisor:" + VILLAGE);
    d.complete("Task_ResumeMediation", Map.of("resumeDecision", "resume"));
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
    d.agreeAndSign();
    assertThat(d.mails).last().isEqualTo("agreement-effective → PARTIES,MEDIATOR @" + VILLAGE);
  }

  @Test
  void riskOfViolencePausedThenTerminated() throws Exception {
    MediationDriver d = labourDispute().consent().session("violence_risk");
    d.complete("Task_RiskDecision", Map.of("riskDecision", "pause"));
    d.complete("Task_ResumeMediation", Map.of("resumeDecision", "terminate"));
    assertThat(d.closedAs).isEqualTo("terminated");
    assertThat(d.mails).last().isEqualTo("terminated → PARTIES,MEDIATOR @" + VILLAGE);
  }

  @Test
  void riskOfViolenceTerminatedAtOnce() throws Exception {
    MediationDriver d = labourDispute().consent().session("violence_risk");
    d.complete("Task_RiskDecision", Map.of("riskDecision", "terminate"));
    assertThat(d.closedAs).isEqualTo("terminated");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_LevelStopped", "End_Terminated");
  }

  @Test
  void anUnperformedAgreementReopensMediationAtItsLevel() throws Exception {
    MediationDriver d = labourDispute().consent().failLevel().agreeAndSign();
    d.advance(Duration.ofDays(31));
    d.complete("Task_FollowUp", Map.of("performed", "no", "satisfaction", 1, "reopen", true));

    assertThat(d.moves).last().isEqualTo("reopen " + TOWN);
    assertThat(d.task().getElementId()).isEqualTo("Task_ScheduleSession");
    assertThat(d.unitOfTask()).isEqualTo("mediator:" + TOWN);
    assertThat(d.closedAs).isNull();

    d.agreeAndSign().advance(Duration.ofDays(31));
    d.complete("Task_FollowUp", Map.of("performed", "yes", "satisfaction", 4, "reopen", false));
    assertThat(d.closedAs).isEqualTo("agreed");
    assertThat(d.mailTemplates()).filteredOn("follow-up-due"::equals).hasSize(2);
  }

  @Test
  void aSuspectedDuplicateLinkedByTheClerkEndsThere() throws Exception {
    MediationDriver d = start("neighbour", null, true);
    UserTaskRecordValue check = d.task();
    assertThat(check.getElementId()).isEqualTo("Task_CheckDuplicate");
    assertThat(check.getCandidateGroupsList()).containsExactly("intake:" + COUNTY);
    assertThat(check.getCandidateUsersList()).containsExactly("intake");
    assertThat(d.moves).as("no level before the clerk decides").isEmpty();

    d.complete("Task_CheckDuplicate", Map.of("duplicateDecision", "link", "linkTo", "MD-OLD"));
    assertThat(d.linked).isTrue();
    assertThat(d.closedAs).isEqualTo("linked");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Linked");
  }

  @Test
  void aSuspectedDuplicateTheClerkClearsProceedsToConsent() throws Exception {
    MediationDriver d = start("neighbour", null, true);
    d.complete("Task_CheckDuplicate", Map.of("duplicateDecision", "proceed"));
    assertThat(d.linked).isFalse();
    assertThat(d.task().getElementId()).isEqualTo("Task_RecordConsent");
  }

  @Test
  void theMediatorThePartiesChoseGetsTheSessions() throws Exception {
    MediationDriver d = labourDispute();
    d.complete("Task_RecordConsent", Map.of("consent", "all_agreed", "chosenMediator", "haiwang-mediator"));
    assertThat(d.moves).containsExactly("start " + VILLAGE, "choose haiwang-mediator");
    assertThat(d.task().getAssignee()).isEqualTo("haiwang-mediator");
    d.session("not_agreed");
    assertThat(d.task().getAssignee()).isEqualTo("haiwang-mediator");
  }
}
