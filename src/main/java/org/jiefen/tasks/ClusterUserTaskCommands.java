package org.jiefen.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.util.Map;
import org.jiefen.platform.ProdMode;
import org.springframework.stereotype.Component;

/** Production: user task commands through the Camunda 8 REST API of the cluster. */
@Component
@ProdMode
class ClusterUserTaskCommands implements UserTaskCommands {

  private final CamundaClient camunda;

  ClusterUserTaskCommands(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    run(() -> camunda.newAssignUserTaskCommand(userTaskKey).assignee(assignee).allowOverride(true).send().join());
  }

  @Override
  public void unassign(long userTaskKey) {
    run(() -> camunda.newUnassignUserTaskCommand(userTaskKey).send().join());
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    run(() -> camunda.newCompleteUserTaskCommand(userTaskKey).variables(variables == null ? Map.of() : variables).send().join());
  }

  private static void run(Runnable command) {
    try {
      command.run();
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 409) {
        throw new Rejected(e.details() == null ? e.getMessage() : e.details().getDetail());
      }
      throw e;
    }
  }
}
