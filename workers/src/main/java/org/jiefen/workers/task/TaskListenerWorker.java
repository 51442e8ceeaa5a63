package org.jiefen.workers.task;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jiefen.cases.CaseLookup;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.deploy.ProcessCatalog;
import org.jiefen.forms.FormRegistry;
import org.jiefen.forms.FormSchema;
import org.jiefen.scope.DataScope;
import org.jiefen.tasks.TaskDoc;
import org.jiefen.tasks.TaskMirror;
import org.jiefen.tasks.TaskState;
import org.springframework.stereotype.Component;

/**
 * Keeps the task list mirror in step with the engine. The deploy pipeline adds these listeners to
 * every Camunda user task, so any model an administrator deploys feeds the task list.
 */
@Component
public class TaskListenerWorker {

  private final TaskMirror mirror;
  private final ProcessCatalog catalog;
  private final CaseTimeline timeline;
  private final DataScope scope;
  private final CaseLookup cases;
  private final FormRegistry forms;
  private final Clock clock;

  TaskListenerWorker(TaskMirror mirror, ProcessCatalog catalog, CaseTimeline timeline, DataScope scope,
      CaseLookup cases, FormRegistry forms, Clock clock) {
    this.mirror = mirror;
    this.forms = forms;
    this.cases = cases;
    this.catalog = catalog;
    this.timeline = timeline;
    this.scope = scope;
    this.clock = clock;
  }

  // All variables: the form's options and conditions may read any of them (none carries personal data).
  @JobWorker(type = "jiefen.task.creating", fetchAllVariables = true)
  public void creating(ActivatedJob job) {
    ListenerTask task = ListenerTask.of(job);
    String id = String.valueOf(task.key());
    var element = catalog.userTask(job.getProcessDefinitionKey(), job.getElementId());
    String caseId = (String) job.getVariablesAsMap().get("caseId");
    List<String> groups = task.candidateGroups();
    String assignee = task.assignee();
    // The event first: once the task is in the list, its timeline entry is too.
    if (caseId != null) {
      timeline.record(
          caseId,
          "task-" + id + "-created",
          "TASK_CREATED",
          element.map(ProcessCatalog.UserTaskElement::name).orElse(job.getElementId()),
          "system",
          unitOf(groups, null));
    }
    Instant now = clock.instant();
    String unit = unitOf(groups, (String) job.getVariablesAsMap().get("unitCode"));
    String formId = element.map(ProcessCatalog.UserTaskElement::formId).orElse(null);
    mirror.created(
        new TaskDoc(
            id,
            job.getBpmnProcessId(),
            job.getElementId(),
            element.map(ProcessCatalog.UserTaskElement::name).orElse(job.getElementId()),
            caseId,
            formId,
            groups,
            task.candidateUsers(),
            assignee,
            unit,
            scope.pathOf(unit),
            caseId != null && cases.confidential(caseId),
            now,
            task.due(),
            task.followUp(),
            assignee == null ? TaskState.CREATED : TaskState.ASSIGNED,
            job.getProcessInstanceKey(),
            job.getProcessDefinitionKey(),
            null,
            null,
            null,
            null,
            null,
            formInput(formId, job.getVariablesAsMap())));
  }

  /** The variables the task's form reads besides its own fields: the options of its selects, its conditions. */
  private Map<String, Object> formInput(String formId, Map<String, Object> variables) {
    if (formId == null) {
      return null;
    }
    Set<String> names = forms.schema(formId).map(FormSchema::inputNames).orElse(Set.of());
    Map<String, Object> input = new TreeMap<>();
    for (String name : names) {
      if (variables.containsKey(name) && variables.get(name) != null) {
        input.put(name, variables.get(name));
      }
    }
    return input.isEmpty() ? null : input;
  }

  /** Claims go through the task service, which updates the mirror itself; this only lets the engine proceed. */
  @JobWorker(type = "jiefen.task.assigning", fetchVariables = {"caseId"})
  public void assigning(ActivatedJob job) {}

  @JobWorker(type = "jiefen.task.completing", fetchVariables = {"caseId"})
  public void completing(ActivatedJob job) {
    ended(job, TaskState.COMPLETED, "TASK_COMPLETED");
  }

  @JobWorker(type = "jiefen.task.canceling", fetchVariables = {"caseId"})
  public void canceling(ActivatedJob job) {
    ended(job, TaskState.CANCELED, "TASK_CANCELED");
  }

  private void ended(ActivatedJob job, TaskState state, String eventType) {
    ListenerTask task = ListenerTask.of(job);
    String id = String.valueOf(task.key());
    String by = task.assignee();
    mirror.ended(id, state, clock.instant(), by);
    Object caseId = job.getVariablesAsMap().get("caseId");
    if (caseId != null) {
      var element = catalog.userTask(job.getProcessDefinitionKey(), job.getElementId());
      timeline.record(
          caseId.toString(),
          "task-" + id + "-" + state.name().toLowerCase(),
          eventType,
          element.map(ProcessCatalog.UserTaskElement::name).orElse(job.getElementId()),
          by == null ? "system" : by,
          null);
    }
  }

  /** The unit a task belongs to: from its first unit-scoped candidate group, else the case's unit. */
  static String unitOf(List<String> groups, String fallback) {
    return groups.stream()
        .filter(g -> g.matches("[a-z_]+:\\d{12}"))
        .map(g -> g.substring(g.indexOf(':') + 1))
        .findFirst()
        .orElse(fallback);
  }
}
