package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every path of processes/mediation/Mediation.bpmn, with the deadline timer moved on the engine clock. */
class MediationProcessTest {

  static EngineHarness harness;

  @BeforeAll
  static void deploy() throws Exception {
    harness = new EngineHarness();
    harness.deploy("processes/mediation/Mediation.bpmn", "forms/mediation/mediation-session.form");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void sessionAtTheCasesUnitThenCaseClosed() throws Exception {
    long instance = harness.start("Mediation", variables("MD-1", Duration.ofDays(30)));
    harness.idle();

    List<UserTaskRecordValue> tasks = harness.openTasks(instance);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).getElementId()).isEqualTo("Task_MediationSession");
    assertThat(tasks.get(0).getCandidateGroupsList()).containsExactly("mediator:440306001001");
    assertThat(tasks.get(0).getDueDate()).isNotBlank();

    harness.complete(tasks.get(0), Map.of("outcome", "agreed"));
    List<ActivatedJob> close = activate("jiefen.case.close");
    assertThat(close).hasSize(1);
    assertThat(close.get(0).getVariablesAsMap()).containsEntry("caseId", "MD-1").containsEntry("outcome", "agreed");
    harness.client.newCompleteCommand(close.get(0)).send().join();
    harness.idle();

    assertThat(harness.endEvents(instance)).containsExactly("End_SessionRecorded");
    assertThat(harness.completed(instance)).isTrue();
  }

  @Test
  void levelDeadlineNotifiesTheSupervisorAndTheSessionGoesOn() throws Exception {
    long instance = harness.start("Mediation", variables("MD-2", Duration.ofDays(30)));
    harness.idle();

    harness.advance(Duration.ofDays(29));
    assertThat(activate("jiefen.notify.mail")).isEmpty();

    harness.advance(Duration.ofDays(2));
    List<ActivatedJob> notify = activate("jiefen.notify.mail");
    assertThat(notify).hasSize(1);
    assertThat(notify.get(0).getCustomHeaders())
        .containsEntry("template", "level-deadline")
        .containsEntry("recipients", "SUPERVISOR");
    assertThat(notify.get(0).getVariablesAsMap()).containsEntry("caseId", "MD-2");
    harness.client.newCompleteCommand(notify.get(0)).send().join();
    harness.idle();

    assertThat(harness.endEvents(instance)).containsExactly("End_SupervisorNotified");
    assertThat(harness.openTasks(instance)).hasSize(1);
    assertThat(harness.completed(instance)).isFalse();
  }

  private static List<ActivatedJob> activate(String type) {
    return harness.client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
        .timeout(Duration.ofMinutes(5)).send().join().getJobs();
  }

  /** The variables ProcessStarter gives a mediation case: routing data only. */
  private static Map<String, Object> variables(String caseId, Duration levelDeadline) {
    Instant due = harness.engine.now().plus(levelDeadline).truncatedTo(ChronoUnit.SECONDS);
    return Map.of(
        "caseId", caseId,
        "kind", "mediation",
        "category", "labour",
        "unitCode", "440306001001",
        "level", "VILLAGE",
        "levelDeadline", levelDeadline.toString(),
        "levelDue", due.toString());
  }
}
