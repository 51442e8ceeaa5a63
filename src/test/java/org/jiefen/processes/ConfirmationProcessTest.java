package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiefen.processes.ConfirmationDriver.COUNTY;
import static org.jiefen.processes.ConfirmationDriver.VILLAGE;

import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of processes/confirmation/CourtConfirmation.bpmn and its eligibility table on the
 * engine: granted, rejected (and the parties' choice), not accepted, excluded matters, the 30-day
 * application window warning and expiring, the court's acceptance and decision clocks overdue, and
 * the extension. Timers move on the engine clock.
 */
class ConfirmationProcessTest {

  static EngineHarness harness;
  private final List<ConfirmationDriver> drivers = new java.util.ArrayList<>();

  @BeforeAll
  static void deploy() throws Exception {
    harness = new EngineHarness();
    harness.deploy(
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

  @AfterEach
  void cancelLeftovers() {
    drivers.forEach(ConfirmationDriver::cancelIfRunning);
  }

  private ConfirmationDriver start(String agreementMatter) throws Exception {
    ConfirmationDriver driver = ConfirmationDriver.start(harness, agreementMatter);
    drivers.add(driver);
    return driver;
  }

  private static String today() {
    return LocalDate.ofInstant(harness.engine.now(), ZoneId.of("Asia/Shanghai")).toString();
  }

  @Test
  void grantedAfterTheJointApplicationIsAcceptedAndConfirmed() throws Exception {
    ConfirmationDriver d = start("none");
    assertThat(d.fakes.statuses).containsExactly("WAITING_APPLICATION");
    assertThat(d.fakes.clocks).containsExactly("start confirmation-application");
    UserTaskRecordValue prepare = d.task();
    assertThat(prepare.getElementId()).isEqualTo("Task_PrepareApplication");
    assertThat(prepare.getCandidateGroupsList()).containsExactly("mediator:" + VILLAGE);
    assertThat(instant(prepare.getFollowUpDate())).isBefore(instant(prepare.getDueDate()));
    assertThat(d.variable("court")).as("the form shows the competent court").isEqualTo(ConfirmationFakes.COURT);

    d.apply();
    assertThat(d.fakes.documents).containsExactly("confirmation-application");
    assertThat(d.fakes.statuses).containsExactly("WAITING_APPLICATION", "SUBMITTED");
    assertThat(d.fakes.clocks).containsExactly(
        "start confirmation-application", "stop confirmation-application MET", "start court-acceptance");
    assertThat(d.mails).containsExactly("confirmation-submitted → COURT_LIAISON,PARTIES");
    UserTaskRecordValue acceptance = d.task();
    assertThat(acceptance.getElementId()).isEqualTo("Task_CourtAcceptance");
    assertThat(acceptance.getCandidateGroupsList()).containsExactly("court:" + COUNTY);
    assertThat(instant(acceptance.getDueDate())).isEqualTo(instant((String) d.variable("acceptanceDue")));

    d.accept(today());
    assertThat(d.fakes.statuses).endsWith("ACCEPTED");
    assertThat(d.fakes.clocks).endsWith("stop court-acceptance MET", "start court-decision");
    UserTaskRecordValue ruling = d.task();
    assertThat(ruling.getElementId()).isEqualTo("Task_CourtRuling");
    assertThat(rulingChoices(d)).containsExactly("confirmed", "rejected", "extended");

    d.rule("confirmed");
    assertThat(d.fakes.statuses).endsWith("CONFIRMED");
    assertThat(d.fakes.clocks).last().isEqualTo("stop court-decision MET");
    assertThat(d.mails).last().isEqualTo("confirmation-confirmed → PARTIES,MEDIATOR");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Confirmed");
    assertThat(d.variable("confirmationResult")).isEqualTo("confirmed");
  }

  @ParameterizedTest(name = "rejected, the parties choose to {0}")
  @ValueSource(strings = {"remediate", "litigate"})
  void rejectedThenThePartiesChoose(String choice) throws Exception {
    ConfirmationDriver d = start("none").apply().accept(today()).rule("rejected");
    assertThat(d.fakes.statuses).endsWith("REJECTED");
    assertThat(d.fakes.clocks).last().isEqualTo("stop court-decision MET");
    assertThat(d.mails).last().isEqualTo("confirmation-rejected → PARTIES,MEDIATOR");
    assertThat(d.task().getCandidateGroupsList()).containsExactly("mediator:" + VILLAGE);

    d.complete("Task_AfterRejection", Map.of("afterRejection", choice));
    assertThat(d.fakes.statuses).last().isEqualTo("CHOICE");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Rejected");
    assertThat(d.variable("confirmationResult")).isEqualTo("rejected");
    assertThat(d.variable("afterRejection")).isEqualTo(choice);
  }

  @Test
  void notAcceptedByTheCourtTakesTheRejectionPath() throws Exception {
    ConfirmationDriver d = start("none").apply()
        .complete("Task_CourtAcceptance", Map.of("acceptance", "not_accepted", "acceptedOn", today()));
    assertThat(d.fakes.statuses).endsWith("NOT_ACCEPTED");
    assertThat(d.fakes.clocks).doesNotContain("start court-decision");
    assertThat(d.mails).last().isEqualTo("confirmation-rejected → PARTIES,MEDIATOR");
    d.complete("Task_AfterRejection", Map.of("afterRejection", "litigate"));
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Rejected");
  }

  @ParameterizedTest(name = "{0} is refused at once")
  @ValueSource(strings = {"marriage", "adoption", "identity", "property_ownership", "ip_ownership"})
  void excludedMattersAreRefusedAtOnceWithTheReason(String matter) throws Exception {
    ConfirmationDriver d = start(matter);
    assertThat(d.fakes.statuses).containsExactly("REFUSED");
    assertThat(d.fakes.clocks).as("no window opens").isEmpty();
    assertThat(d.mails).containsExactly("confirmation-refused → PARTIES,MEDIATOR");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Refused");
    @SuppressWarnings("unchecked")
    Map<String, Object> eligibility = (Map<String, Object>) d.variable("eligibility");
    assertThat(eligibility).containsEntry("excluded", true);
    assertThat((String) eligibility.get("reason")).contains("不适用司法确认");
    assertThat(d.variable("confirmationResult")).isEqualTo("refused");
  }

  @Test
  void theApplicationWindowWarnsThenExpires() throws Exception {
    ConfirmationDriver d = start("none");
    d.advance(Duration.ofDays(25));
    assertThat(d.mails).isEmpty();
    d.advance(Duration.ofDays(1));
    assertThat(d.mails).containsExactly("confirmation-window-warning → PARTIES,MEDIATOR");
    assertThat(d.task().getElementId()).as("the task stays after the warning").isEqualTo("Task_PrepareApplication");

    d.advance(Duration.ofDays(4));
    assertThat(harness.openTasks(d.instance)).hasSize(1);
    d.advance(Duration.ofDays(1));
    assertThat(harness.openTasks(d.instance)).isEmpty();
    assertThat(d.fakes.clocks).containsExactly("start confirmation-application", "stop confirmation-application EXPIRED");
    assertThat(d.fakes.statuses).containsExactly("WAITING_APPLICATION", "EXPIRED");
    assertThat(d.mails).last().isEqualTo("confirmation-expired → PARTIES,MEDIATOR");
    assertThat(harness.endEvents(d.instance)).containsExactly("End_ApplicationWarned", "End_Expired");
    assertThat(d.variable("confirmationResult")).isEqualTo("expired");
  }

  @Test
  void thePartiesMayDecideNotToApply() throws Exception {
    ConfirmationDriver d = start("none")
        .complete("Task_PrepareApplication", Map.of("applicationDecision", "decline"));
    assertThat(d.fakes.clocks).containsExactly("start confirmation-application", "stop confirmation-application STOPPED");
    assertThat(d.fakes.statuses).containsExactly("WAITING_APPLICATION", "DECLINED");
    assertThat(d.fakes.documents).isEmpty();
    assertThat(harness.endEvents(d.instance)).containsExactly("End_Declined");
    assertThat(d.variable("confirmationResult")).isEqualTo("declined");
  }

  @Test
  void theAcceptanceAndDecisionClocksWarnAndGoOverdue() throws Exception {
    ConfirmationDriver d = start("none").apply();
    d.advance(Duration.ofDays(2));
    assertThat(d.mails).containsExactly("confirmation-submitted → COURT_LIAISON,PARTIES");
    d.advance(Duration.ofDays(1));
    assertThat(d.mails).last().isEqualTo("court-clock-warning → COURT_LIAISON");
    d.advance(Duration.ofDays(1));
    assertThat(d.fakes.clocks).last().isEqualTo("overdue court-acceptance");
    assertThat(d.mails).last().isEqualTo("court-clock-overdue → COURT_LIAISON,SUPERVISOR");
    assertThat(d.task().getElementId()).as("overdue, the court still has to answer").isEqualTo("Task_CourtAcceptance");

    d.accept(today());
    assertThat(d.fakes.clocks).endsWith("stop court-acceptance MET", "start court-decision");
    d.advance(Duration.ofDays(12));
    assertThat(d.mailTemplates()).containsOnlyOnce("court-clock-warning");
    d.advance(Duration.ofDays(1));
    assertThat(d.mailTemplates()).filteredOn("court-clock-warning"::equals).hasSize(2);
    d.advance(Duration.ofDays(2));
    assertThat(d.fakes.clocks).as("due at the end of day 15").doesNotContain("overdue court-decision");
    d.advance(Duration.ofDays(1));
    assertThat(d.fakes.clocks).last().isEqualTo("overdue court-decision");
    assertThat(d.mailTemplates()).filteredOn("court-clock-overdue"::equals).hasSize(2);
    d.rule("confirmed");
    assertThat(harness.endEvents(d.instance)).contains("End_AcceptanceOverdueReported", "End_DecisionOverdueReported",
        "End_Confirmed");
  }

  @Test
  void anExtensionOfTenDaysIsGrantedOnceThenTheCourtRules() throws Exception {
    ConfirmationDriver d = start("none").apply().accept(today());
    Instant due = Instant.parse((String) d.variable("decisionDue"));
    d.rule("extended");
    assertThat(d.fakes.clocks).last().isEqualTo("extend court-decision");
    assertThat(d.fakes.statuses).last().isEqualTo("EXTENDED");
    assertThat(d.mails).last().isEqualTo("confirmation-extended → PARTIES,MEDIATOR");
    assertThat(Instant.parse((String) d.variable("decisionDue"))).isEqualTo(due.plus(Duration.ofDays(10)));
    UserTaskRecordValue ruling = d.task();
    assertThat(ruling.getElementId()).isEqualTo("Task_CourtRuling");
    assertThat(instant(ruling.getDueDate())).isEqualTo(instant((String) d.variable("decisionDue")));
    assertThat(rulingChoices(d)).as("no second extension is offered").containsExactly("confirmed", "rejected");

    d.advance(Duration.ofDays(16));
    assertThat(d.fakes.clocks).as("the extended clock is not overdue on day 16").doesNotContain("overdue court-decision");
    // Asked again (the form no longer offers it): the task comes back, the clock is not extended twice.
    d.rule("extended");
    assertThat(d.fakes.clocks).filteredOn(c -> c.startsWith("extend")).hasSize(1);
    d.advance(Duration.ofDays(10));
    assertThat(d.fakes.clocks).last().isEqualTo("overdue court-decision");
    d.rule("confirmed");
    assertThat(harness.endEvents(d.instance)).contains("End_Confirmed");
  }

  private static Instant instant(String text) {
    return java.time.OffsetDateTime.parse(text).toInstant();
  }

  @SuppressWarnings("unchecked")
  private static List<String> rulingChoices(ConfirmationDriver d) {
    UserTaskRecordValue task = d.task();
    Object options = harness.localVariable(task.getElementInstanceKey(), "rulingOptions");
    return ((List<Map<String, Object>>) options).stream().map(o -> (String) o.get("value")).toList();
  }
}
