package org.jiefen.cases;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the process of a registered case. The case file is written first, so an engine outage
 * loses nothing: the case stays REGISTERED and the sweeper starts its process once the engine
 * answers again. Only routing data goes into process variables, never names or numbers.
 */
@Component
class ProcessStarter {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessStarter.class);

  private final CamundaClient camunda;
  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;
  private final List<ProcessVariables> contributors;

  ProcessStarter(
      CamundaClient camunda,
      CaseRepository cases,
      CaseTimeline timeline,
      Clock clock,
      List<ProcessVariables> contributors) {
    this.camunda = camunda;
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
    this.contributors = contributors;
  }

  /** Tries to start the process now; returns whether it did. */
  boolean start(CaseFile file) {
    CaseKind kind = CaseKind.valueOf(file.kind().toUpperCase());
    Map<String, Object> variables = variables(file, contributors);
    try {
      var started =
          camunda
              .newCreateInstanceCommand()
              .bpmnProcessId(kind.processId())
              .latestVersion()
              .variables(variables)
              .requestTimeout(Duration.ofSeconds(10))
              .send()
              .join();
      // The version too: the workbench counts running instances per version, and an administrator
      // who deploys a new one sees which cases stay on the old.
      cases.update(
          file.id(),
          Map.of(
              "processInstanceKey", started.getProcessInstanceKey(),
              "processDefinitionKey", started.getProcessDefinitionKey(),
              "processVersion", started.getVersion(),
              "status", CaseStatus.OPEN,
              "updated", clock.instant().toString()));
      timeline.record(file.id(), "process-started", "PROCESS_STARTED", kind.processId(), "system", file.unitCode());
      return true;
    } catch (RuntimeException e) {
      LOG.warn("process for case {} not started yet ({}); it will be retried", file.id(), e.getMessage());
      return false;
    }
  }

  /** The start variables: those of every case (id, kind, unit) and those its kind's contributors add. */
  static Map<String, Object> variables(CaseFile file, List<ProcessVariables> contributors) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseId", file.id());
    variables.put("kind", file.kind());
    variables.put("originUnitCode", file.unitCode());
    variables.put("unitCode", file.unitCode());
    for (ProcessVariables contributor : contributors) {
      if (contributor.kind().equals(file.kind())) {
        variables.putAll(contributor.forCase(file));
      }
    }
    return variables;
  }

  @Scheduled(fixedDelayString = "${jiefen.cases.start-retry:30s}", initialDelayString = "${jiefen.cases.start-retry:30s}")
  void startWaiting() {
    try {
      for (CaseFile file : cases.waitingForProcess(clock.instant().minusSeconds(10))) {
        start(file);
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot look for cases waiting for their process: {}", e.getMessage());
    }
  }
}
