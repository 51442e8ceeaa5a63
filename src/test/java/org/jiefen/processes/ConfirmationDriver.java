package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives one CourtConfirmation instance started on its own, as the Mediation process's call
 * activity would start it. Jobs are answered by {@link ConfirmationFakes}; mails are kept as
 * "template → recipients".
 */
final class ConfirmationDriver {

  static final String VILLAGE = MediationDriver.VILLAGE;
  static final String COUNTY = MediationDriver.COUNTY;

  private static final List<String> JOB_TYPES = new ArrayList<>(ConfirmationFakes.JOB_TYPES);

  static {
    JOB_TYPES.add("jiefen.notify.mail");
  }

  final EngineHarness harness;
  final long instance;
  final ConfirmationFakes fakes;
  final List<String> mails = new ArrayList<>();

  private ConfirmationDriver(EngineHarness harness, long instance, ConfirmationFakes fakes) {
    this.harness = harness;
    this.instance = instance;
    this.fakes = fakes;
  }

  /** Starts with the matter of the agreement as the mediator recorded it (none, marriage, ...). */
  static ConfirmationDriver start(EngineHarness harness, String agreementMatter) throws Exception {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("caseId", "MD-CONFIRM");
    variables.put("unitCode", VILLAGE);
    variables.put("category", "family");
    variables.put("agreementMatter", agreementMatter);
    ConfirmationDriver driver =
        new ConfirmationDriver(harness, harness.start("CourtConfirmation", variables), new ConfirmationFakes(harness, COUNTY));
    driver.runJobs();
    return driver;
  }

  void runJobs() throws Exception {
    harness.settle();
    while (true) {
      boolean any = false;
      // One activation per job type, sent together: each is a round trip through the engine's log.
      var activations = JOB_TYPES.stream().map(type -> harness.client.newActivateJobsCommand().jobType(type)
          .maxJobsToActivate(20).timeout(Duration.ofMinutes(1)).send()).toList();
      for (var activation : activations) {
        for (ActivatedJob job : activation.join().getJobs()) {
          assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
          Map<String, Object> answer;
          if (job.getType().equals("jiefen.notify.mail")) {
            mails.add(job.getCustomHeaders().get("template") + " → " + job.getCustomHeaders().get("recipients"));
            answer = Map.of();
          } else {
            answer = fakes.answer(job);
          }
          harness.client.newCompleteCommand(job).variables(answer).send().join();
          any = true;
        }
      }
      if (!any) {
        return; // nothing answered: the engine is as idle as before the activations
      }
      harness.idle();
    }
  }

  UserTaskRecordValue task() {
    List<UserTaskRecordValue> open = harness.openTasks(instance);
    assertThat(harness.incidents(instance)).as("incidents").isEmpty();
    assertThat(open).as("open user tasks").hasSize(1);
    return open.get(0);
  }

  ConfirmationDriver complete(String elementId, Map<String, Object> variables) throws Exception {
    UserTaskRecordValue task = task();
    assertThat(task.getElementId()).isEqualTo(elementId);
    harness.complete(task, variables);
    runJobs();
    return this;
  }

  ConfirmationDriver apply() throws Exception {
    return complete("Task_PrepareApplication", Map.of("applicationDecision", "apply"));
  }

  ConfirmationDriver accept(String on) throws Exception {
    return complete("Task_CourtAcceptance", Map.of("acceptance", "accepted", "acceptedOn", on));
  }

  ConfirmationDriver rule(String ruling) throws Exception {
    return complete("Task_CourtRuling", Map.of("ruling", ruling));
  }

  ConfirmationDriver advance(Duration duration) throws Exception {
    harness.advance(duration);
    runJobs();
    return this;
  }

  List<String> mailTemplates() {
    return mails.stream().map(m -> m.substring(0, m.indexOf(' '))).toList();
  }

  Object variable(String name) {
    return harness.variables(instance).get(name);
  }

  void cancelIfRunning() {
    harness.cancelIfRunning(instance);
  }
}
