package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Drives one Petition instance, started with the contract's start variables, and the
 * PetitionSupervision instances it calls. Jobs are answered by {@link PetitionFakes}; mails are
 * kept as "template → recipients @unit", with "(due variable)" when the task names one and
 * "[PetitionSupervision]" when the called process asked for it.
 */
final class PetitionDriver {

  static final String CASE_ID = "XF-20261122-7K3QX";

  final EngineHarness harness;
  final long instance;
  final PetitionFakes fakes;
  final List<String> mails = new ArrayList<>();

  private PetitionDriver(EngineHarness harness, long instance, PetitionFakes fakes) {
    this.harness = harness;
    this.instance = instance;
    this.fakes = fakes;
  }

  /** A petition registered at {@code office}, which triages it. */
  static PetitionDriver start(EngineHarness harness, String office) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", CASE_ID);
    variables.put("kind", "petition");
    variables.put("petitionKind", "claim");
    variables.put("channel", "visit");
    variables.put("unitCode", office);
    variables.put("originUnitCode", office);
    variables.put("repeatSuspected", false);
    variables.put("registeredBy", "xinan-petition");
    PetitionFakes fakes = new PetitionFakes(harness);
    PetitionDriver driver = new PetitionDriver(harness, harness.start("Petition", variables), fakes);
    driver.runJobs();
    return driver;
  }

  /** Answers every job of the instance and the processes it called until none is left. */
  void runJobs() throws Exception {
    harness.settle();
    List<Long> instances = instances();
    while (true) {
      boolean any = false;
      // One activation per job type, sent together: each is a round trip through the engine's log.
      List<io.camunda.client.api.CamundaFuture<io.camunda.client.api.response.ActivateJobsResponse>> activations =
          PetitionFakes.JOB_TYPES.stream().map(type -> harness.client.newActivateJobsCommand().jobType(type)
              .maxJobsToActivate(20).timeout(Duration.ofMinutes(1)).send()).toList();
      for (var activation : activations) {
        for (ActivatedJob job : activation.join().getJobs()) {
          if (!instances.contains(job.getProcessInstanceKey())) {
            instances = instances();
          }
          assertThat(job.getProcessInstanceKey()).as("a job of this petition's processes").isIn(instances);
          Map<String, Object> answer = job.getType().equals("jiefen.notify.mail") ? mail(job) : fakes.answer(job);
          if (answer == null) {
            harness.client.newThrowErrorCommand(job).errorCode("CLOCK_EXTENSION_REFUSED")
                .errorMessage("beyond the catalog's max-extension").send().join();
          } else {
            harness.client.newCompleteCommand(job).variables(answer).send().join();
          }
          any = true;
        }
      }
      if (!any) {
        return; // nothing answered: the engine is as idle as before the activations
      }
      harness.idle();
    }
  }

  private Map<String, Object> mail(ActivatedJob job) {
    Map<String, String> h = job.getCustomHeaders();
    Map<String, Object> v = job.getVariablesAsMap();
    assertThat(h.get("template")).as("template of " + job.getElementId()).isIn(PetitionFakes.TEMPLATES);
    String due = h.get("due");
    if (due != null) {
      assertThat(due).as("due header of " + job.getElementId()).isIn(PetitionFakes.DUE_VARIABLES);
      assertThat(v.get(due)).as(due + " for " + job.getElementId()).isInstanceOf(String.class);
    }
    mails.add(h.get("template") + " → " + h.get("recipients") + " @" + v.get("unitCode")
        + (due == null ? "" : " (" + due + ")")
        + (job.getBpmnProcessId().equals("Petition") ? "" : " [" + job.getBpmnProcessId() + "]"));
    return Map.of();
  }

  List<Long> instances() {
    return Stream.concat(Stream.of(instance), harness.children(instance).stream()).toList();
  }

  /** Open user tasks of the petition and its supervisions; no incidents anywhere. */
  List<UserTaskRecordValue> tasks() {
    List<UserTaskRecordValue> open = new ArrayList<>();
    for (long key : instances()) {
      assertThat(harness.incidents(key)).as("incidents").isEmpty();
      open.addAll(harness.openTasks(key));
    }
    return open;
  }

  List<String> openTaskIds() {
    return tasks().stream().map(UserTaskRecordValue::getElementId).toList();
  }

  /** The one open task of that element. */
  UserTaskRecordValue task(String elementId) {
    List<UserTaskRecordValue> found = tasks().stream().filter(t -> t.getElementId().equals(elementId)).toList();
    assertThat(found).as("open " + elementId + " among " + openTaskIds()).hasSize(1);
    return found.get(0);
  }

  /** Completes the open task of that element with its process fields and answers the jobs that follow. */
  PetitionDriver complete(String elementId, Map<String, Object> processFields) throws Exception {
    harness.complete(task(elementId), processFields);
    runJobs();
    return this;
  }

  PetitionDriver triage(String decision) throws Exception {
    return complete("Task_Triage", Map.of("triageDecision", decision));
  }

  PetitionDriver transfer(String decision, String unit) throws Exception {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("triageDecision", decision);
    fields.put("targetUnitCode", unit);
    if (decision.equals("assign")) {
      fields.put("assignDue", "2027-01-20");
    }
    return complete("Task_Triage", fields);
  }

  PetitionDriver competent(String answer) throws Exception {
    return complete("Task_ConfirmCompetence", Map.of("competent", answer));
  }

  PetitionDriver handle(String outcome) throws Exception {
    return complete("Task_Handle", Map.of("handlingOutcome", outcome));
  }

  PetitionDriver afterOpinion(String reviewRequested, String satisfaction) throws Exception {
    return complete("Task_AfterOpinion", Map.of("reviewRequested", reviewRequested, "satisfaction", satisfaction));
  }

  PetitionDriver afterReview(String reReviewRequested, String satisfaction) throws Exception {
    return complete("Task_AfterReview", Map.of("reReviewRequested", reReviewRequested, "satisfaction", satisfaction));
  }

  PetitionDriver advance(Duration duration) throws Exception {
    harness.advance(duration);
    runJobs();
    return this;
  }

  Object variable(String name) {
    return harness.variables(instance).get(name);
  }

  Instant instantVariable(String name) {
    return Instant.parse((String) variable(name));
  }

  /** End events reached by the petition and by every supervision it called, in order. */
  List<String> endEvents() {
    return instances().stream().flatMap(key -> harness.endEvents(key).stream()).toList();
  }

  boolean completed() {
    return instances().stream().allMatch(harness::completed);
  }

  List<String> mailsFrom(String template) {
    return mails.stream().filter(m -> m.startsWith(template + " ")).toList();
  }

  static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
