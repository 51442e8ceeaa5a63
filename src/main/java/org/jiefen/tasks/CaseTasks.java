package org.jiefen.tasks;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where a case stands in its processes, for the case page's diagram: the BPMN elements of its open
 * user tasks, whoever they are for. Only positions leave here (no assignees, no candidates); the
 * caller has checked that the reader may see the case.
 */
@Component
public class CaseTasks {

  /** An open user task's place: the process version it runs in and its element. */
  public record Position(String processId, long processDefinitionKey, String elementId, String name) {}

  private final TaskRepository tasks;

  CaseTasks(TaskRepository tasks) {
    this.tasks = tasks;
  }

  /** The open tasks' positions, soonest due first; one search, no refresh. */
  public List<Position> open(String caseId) {
    Query all = Query.of(q -> q.matchAll(m -> m));
    return tasks.search(new TaskRepository.Filter(caseId, null, null, null), all, Instant.now(), 100).stream()
        .filter(t -> t.state() == TaskState.CREATED || t.state() == TaskState.ASSIGNED)
        .filter(t -> t.processDefinitionKey() != null && t.elementId() != null)
        .map(t -> new Position(t.processId(), t.processDefinitionKey(), t.elementId(), t.name()))
        .toList();
  }
}
