package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jiefen.mediation.MediationLevels;
import org.jiefen.units.UnitLevel;

/**
 * Drives one Mediation instance on the engine. Service-task jobs are answered with the outputs the
 * real workers promise (their contract, tested separately in the worker tests): the level worker
 * moves the case through the demo tree 海旺社区 → 新安街道 → 宝安区, each level with the deadline
 * the model's start event set for it ({@code villageDeadline}, ...; 30 days when it set none). What happened is kept for
 * assertions: the mails asked for (template and recipients, in order) and the close outcome.
 */
final class MediationDriver {

  static final String VILLAGE = "440306001001";
  static final String TOWN = "440306001000";
  static final String COUNTY = "440306000000";
  static final Duration LEVEL_DEADLINE = Duration.ofDays(30);
  static final Duration WARNING_BEFORE = Duration.ofDays(5);

  private static final List<String> JOB_TYPES = new ArrayList<>(
      List.of("jiefen.notify.mail", "jiefen.mediation.level", "jiefen.mediation.agreement",
          "jiefen.mediation.signatures", "jiefen.mediation.effective", "jiefen.case.close", "jiefen.case.link"));

  static {
    JOB_TYPES.addAll(ConfirmationFakes.JOB_TYPES);
  }

  final EngineHarness harness;
  final String processId;
  final long instance;
  /** "template → recipients @unit" of every mail job, in the order the process asked for them. */
  final List<String> mails = new ArrayList<>();
  /** Level moves the level worker was asked for ("start", "up", ...), with the level reached. */
  final List<String> moves = new ArrayList<>();
  String closedAs;
  boolean linked;
  /** How many signature rounds answer "not all signed yet" before the last one does. */
  int missingSignatureRounds;
  /** The court confirmation (called process) and the documents: answered as their workers would. */
  final ConfirmationFakes fakes;

  private MediationDriver(EngineHarness harness, String processId, long instance) {
    this.harness = harness;
    this.processId = processId;
    this.instance = instance;
    this.fakes = new ConfirmationFakes(harness, COUNTY);
  }

  static MediationDriver start(EngineHarness harness, String category, Number amount, boolean duplicate)
      throws Exception {
    return start(harness, "Mediation", category, amount, duplicate);
  }

  /** An instance of the latest version of {@code processId}, a copy of the mediation model. */
  static MediationDriver start(EngineHarness harness, String processId, String category, Number amount,
      boolean duplicate) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", "MD-TEST");
    variables.put("kind", "mediation");
    variables.put("category", category);
    variables.put("amount", amount);
    variables.put("originUnitCode", VILLAGE);
    variables.put("unitCode", VILLAGE);
    variables.put("maxAttempts", 3);
    variables.put("followUpDelay", "P30D");
    variables.put("duplicateSuspected", duplicate);
    variables.put("duplicateOptions", duplicate ? List.of(Map.of("label", "MD-OLD", "value", "MD-OLD")) : List.of());
    variables.put("registeredBy", "intake");
    variables.put("registrarUnit", COUNTY);
    MediationDriver driver = new MediationDriver(harness, processId, harness.start(processId, variables));
    driver.runJobs();
    return driver;
  }

  /** Answers every job of the instance until none is left. */
  void runJobs() throws Exception {
    harness.settle();
    while (true) {
      boolean any = false;
      // One activation per job type, sent together: each is a round trip through the engine's log.
      for (var activation : JOB_TYPES.stream().map(type -> harness.client.newActivateJobsCommand().jobType(type)
          .maxJobsToActivate(20).timeout(Duration.ofMinutes(1)).send()).toList()) {
        for (ActivatedJob job : activation.join().getJobs()) {
          assertThat(job.getProcessInstanceKey()).as("a job of this case's processes")
              .isIn(java.util.stream.Stream.concat(java.util.stream.Stream.of(instance),
                  harness.children(instance).stream()).toList());
          harness.client.newCompleteCommand(job).variables(answer(job)).send().join();
          any = true;
        }
      }
      if (!any) {
        return; // nothing answered: the engine is as idle as before the activations
      }
      harness.idle();
    }
  }

  private Map<String, Object> answer(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Map<String, String> h = job.getCustomHeaders();
    return switch (job.getType()) {
      case "jiefen.notify.mail" -> {
        mails.add(h.get("template") + " → " + h.get("recipients") + " @" + v.get("unitCode")
            + (job.getBpmnProcessId().equals(processId) ? "" : " (" + job.getBpmnProcessId() + ")"));
        yield Map.of();
      }
      case "jiefen.mediation.level" -> level(h.get("move"), v);
      case "jiefen.mediation.signatures" -> Map.of("allSigned", missingSignatureRounds-- <= 0);
      case "jiefen.case.close" -> {
        closedAs = h.get("outcome");
        yield Map.of();
      }
      case "jiefen.case.link" -> {
        linked = true;
        yield Map.of();
      }
      case "jiefen.confirmation.record", "jiefen.clock", "jiefen.document.generate" -> fakes.answer(job);
      default -> Map.of();
    };
  }

  /** The level worker's contract: unit, level, fresh attempts and dates, or topReached. */
  private Map<String, Object> level(String move, Map<String, Object> v) {
    Map<String, Object> out = new LinkedHashMap<>();
    String unit = (String) v.get("unitCode");
    switch (move) {
      case "start" -> unit = switch ((String) v.get("startLevel")) {
        case "COUNTY" -> COUNTY;
        case "TOWN" -> TOWN;
        default -> VILLAGE;
      };
      case "choose" -> {
        out.put("levelMediator", v.get("chosenMediator"));
        moves.add("choose " + v.get("chosenMediator"));
        return out;
      }
      case "up" -> {
        if (unit.equals(COUNTY)) {
          moves.add("up: top reached");
          out.put("topReached", true);
          return out;
        }
        unit = unit.equals(VILLAGE) ? TOWN : COUNTY;
      }
      case "reopen" -> {}
      default -> throw new IllegalArgumentException(move);
    }
    moves.add(move + " " + unit);
    UnitLevel level = unit.equals(VILLAGE) ? UnitLevel.VILLAGE : unit.equals(TOWN) ? UnitLevel.TOWN : UnitLevel.COUNTY;
    Duration deadline = MediationLevels.parseDeadline(v.get(MediationLevels.deadlineVariable(level))).orElse(LEVEL_DEADLINE);
    Instant due = harness.engine.now().plus(deadline).truncatedTo(ChronoUnit.SECONDS);
    out.put("unitCode", unit);
    out.put("level", level.name());
    out.put("attempts", 0);
    out.put("levelDue", due.toString());
    out.put("levelWarn", due.minus(WARNING_BEFORE).toString());
    out.put("levelMediator", null);
    out.put("levelResult", "open");
    out.put("topReached", false);
    out.put("mediatorOptions", List.of());
    return out;
  }

  /** The one open user task of the instance or the process it called; fails when there is none or several. */
  UserTaskRecordValue task() {
    List<UserTaskRecordValue> open = new ArrayList<>(harness.openTasks(instance));
    harness.children(instance).forEach(child -> {
      open.addAll(harness.openTasks(child));
      assertThat(harness.incidents(child)).as("incidents of the called process").isEmpty();
    });
    assertThat(harness.incidents(instance)).as("incidents").isEmpty();
    assertThat(open).as("open user tasks").hasSize(1);
    return open.get(0);
  }

  /** Completes the open task, which must be the given element, and answers the jobs that follow. */
  MediationDriver complete(String elementId, Map<String, Object> variables) throws Exception {
    UserTaskRecordValue task = task();
    assertThat(task.getElementId()).isEqualTo(elementId);
    harness.complete(task, variables);
    runJobs();
    return this;
  }

  MediationDriver consent() throws Exception {
    return complete("Task_RecordConsent", Map.of("consent", "all_agreed"));
  }

  /** One attempt: schedule a session and record it with the outcome. */
  MediationDriver session(String outcome) throws Exception {
    complete("Task_ScheduleSession", Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "调解室"));
    return complete("Task_RecordSession", Map.of("sessionOutcome", outcome));
  }

  MediationDriver failLevel() throws Exception {
    return session("not_agreed").session("not_agreed").session("not_agreed");
  }

  /** Agreement recorded and signed by all in one round. */
  MediationDriver agreeAndSign() throws Exception {
    return agreeAndSign(false);
  }

  /** Agreement recorded, the parties' wish for court confirmation noted, and signed by all in one round. */
  MediationDriver agreeAndSign(boolean confirmationWanted) throws Exception {
    session("agreed");
    complete("Task_RecordAgreement", Map.of("confirmationWanted", confirmationWanted, "agreementMatter", "none"));
    return complete("Task_RecordSignatures", Map.of("signers", List.of("party-0", "party-1", "mediator")));
  }

  MediationDriver advance(Duration duration) throws Exception {
    harness.advance(duration);
    runJobs();
    return this;
  }

  void cancelIfRunning() {
    harness.cancelIfRunning(instance);
  }

  List<String> mailTemplates() {
    return mails.stream().map(m -> m.substring(0, m.indexOf(' '))).toList();
  }

  String unitOfTask() {
    return task().getCandidateGroupsList().get(0);
  }

  <T> T variable(String name, Function<Object, T> as) {
    return as.apply(harness.variables(instance).get(name));
  }
}
