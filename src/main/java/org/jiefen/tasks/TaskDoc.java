package org.jiefen.tasks;

import java.time.Instant;
import java.util.List;

/** A user task as the task list shows it. {@code id} is the engine's user task key. */
public record TaskDoc(
    String id,
    String processId,
    String elementId,
    String name,
    String caseId,
    String formId,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String assignee,
    String unitCode,
    List<String> unitPath,
    Instant created,
    Instant due,
    TaskState state,
    Long processInstanceKey,
    Long processDefinitionKey,
    Instant ended,
    String endedBy) {

  TaskDoc withAssignee(String user) {
    return new TaskDoc(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, user,
        unitCode, unitPath, created, due, user == null ? TaskState.CREATED : TaskState.ASSIGNED, processInstanceKey,
        processDefinitionKey, ended, endedBy);
  }

  TaskDoc ended(TaskState state, Instant at, String by) {
    return new TaskDoc(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, assignee,
        unitCode, unitPath, created, due, state, processInstanceKey, processDefinitionKey, at, by);
  }
}
