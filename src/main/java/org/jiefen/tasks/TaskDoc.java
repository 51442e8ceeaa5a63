package org.jiefen.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user task as the task list shows it. {@code id} is the engine's user task key. {@code due} and
 * {@code followUp} mirror the task's schedule; {@code dueState} is not stored but computed when the
 * task is read, on the app's clock (see {@link DueState}). {@code confidential}: the task belongs to
 * a confidential petition, so only the people it is for see it ({@link org.jiefen.scope.DataScope}).
 * {@code owner} (username) and
 * {@code ownerName} name the leader who took ownership (包案) of the task's case, on every open
 * task of the case from then on. {@code formInput}: the process variables the task's form reads
 * (the options of its selects, the variables of its conditions) as they were when the task was
 * created; process variables carry no personal data, so neither does this.
 */
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
    boolean confidential,
    Instant created,
    Instant due,
    Instant followUp,
    TaskState state,
    Long processInstanceKey,
    Long processDefinitionKey,
    Instant ended,
    String endedBy,
    String owner,
    String ownerName,
    DueState dueState,
    Map<String, Object> formInput) {

  /** A task without form input (the variables its form reads, see {@link #formInput()}). */
  public TaskDoc(String id, String processId, String elementId, String name, String caseId, String formId,
      List<String> candidateGroups, List<String> candidateUsers, String assignee, String unitCode, List<String> unitPath,
      boolean confidential, Instant created, Instant due, Instant followUp, TaskState state, Long processInstanceKey,
      Long processDefinitionKey, Instant ended, String endedBy, String owner, String ownerName, DueState dueState) {
    this(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, assignee, unitCode, unitPath,
        confidential, created, due, followUp, state, processInstanceKey, processDefinitionKey, ended, endedBy, owner,
        ownerName, dueState, null);
  }

  TaskDoc withAssignee(String user) {
    return new TaskDoc(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, user,
        unitCode, unitPath, confidential, created, due, followUp, user == null ? TaskState.CREATED : TaskState.ASSIGNED,
        processInstanceKey, processDefinitionKey, ended, endedBy, owner, ownerName, null, formInput);
  }

  TaskDoc ended(TaskState state, Instant at, String by) {
    return new TaskDoc(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, assignee,
        unitCode, unitPath, confidential, created, due, followUp, state, processInstanceKey, processDefinitionKey, at, by,
        owner, ownerName, null, formInput);
  }

  /** What the data scope decides on. */
  org.jiefen.scope.TaskAccess access() {
    return new org.jiefen.scope.TaskAccess(caseId, unitPath, unitCode, confidential, candidateGroups, candidateUsers,
        assignee, endedBy, owner);
  }

  /** As shown at {@code now}; null as stored (the state changes with time, the document does not). */
  TaskDoc at(Instant now) {
    return new TaskDoc(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, assignee,
        unitCode, unitPath, confidential, created, due, followUp, state, processInstanceKey, processDefinitionKey, ended,
        endedBy, owner, ownerName, now == null ? null : DueState.of(state, due, followUp, now), formInput);
  }

  /** As led by {@code owner} (null: nobody owns the case). */
  TaskDoc withOwner(String owner, String ownerName) {
    return new TaskDoc(id, processId, elementId, name, caseId, formId, candidateGroups, candidateUsers, assignee,
        unitCode, unitPath, confidential, created, due, followUp, state, processInstanceKey, processDefinitionKey, ended,
        endedBy, owner, ownerName, null, formInput);
  }
}
