package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiefen.deploy.Models.fixture;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine itself accepts a prepared model and runs our listeners. Uses Zeebe Process Test's
 * in-memory engine only; no Spring context.
 */
@ZeebeProcessTest
class PreparedModelEngineTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  @Test
  void preparedModelDeploysAndItsCreatingListenerRuns() throws Exception {
    ModelPreparer preparer = new ModelPreparer();
    PreparedResource process = preparer.prepare("Mediation.bpmn", fixture("Mediation.bpmn"));
    // Task_Register links this form; without it the task would stop at an incident.
    PreparedResource form = preparer.prepare("register.form", fixture("register.form"));

    client.newDeployResourceCommand()
        .addResourceBytes(process.bytes(), process.name())
        .addResourceBytes(form.bytes(), form.name())
        .send()
        .join();
    client.newCreateInstanceCommand()
        .bpmnProcessId("Mediation")
        .latestVersion()
        .variables(Map.of("unitCode", "V001"))
        .send()
        .join();
    engine.waitForIdleState(Duration.ofSeconds(5));

    List<ActivatedJob> jobs =
        client.newActivateJobsCommand()
            .jobType("jiefen.task.creating")
            .maxJobsToActivate(10)
            .send()
            .join()
            .getJobs();
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.getElementId()).isEqualTo("Task_Register");
      assertThat(job.getRetries()).isEqualTo(3);
    });
  }
}
