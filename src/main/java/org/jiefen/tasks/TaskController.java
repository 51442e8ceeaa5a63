package org.jiefen.tasks;

import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

  private final TaskService tasks;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  TaskController(TaskService tasks, CurrentUser currentUser, AuditLog audit) {
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** Sorted by due date (soonest first, none last), then by creation; {@code owner}: tasks of cases that leader owns (包案). */
  @GetMapping
  List<TaskDoc> list(
      @RequestParam(required = false) String caseId,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) TaskState state,
      @RequestParam(required = false) DueState dueState,
      @RequestParam(required = false) String owner) {
    return tasks.search(new TaskRepository.Filter(caseId, assignee, candidateGroup, state, dueState, owner),
        currentUser.get());
  }

  @GetMapping("/{id}")
  TaskDoc get(@PathVariable String id) {
    return tasks.get(checked(id), currentUser.get());
  }

  @PostMapping("/{id}/claim")
  TaskDoc claim(@PathVariable String id) {
    return audited(AuditAction.TASK_CLAIMED, tasks.claim(checked(id), currentUser.get()));
  }

  @PostMapping("/{id}/unclaim")
  TaskDoc unclaim(@PathVariable String id) {
    return audited(AuditAction.TASK_UNCLAIMED, tasks.unclaim(checked(id), currentUser.get()));
  }

  @PostMapping("/{id}/complete")
  TaskDoc complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables) {
    return audited(
        AuditAction.TASK_COMPLETED, tasks.complete(checked(id), variables == null ? Map.of() : variables, currentUser.get()));
  }

  // audit: the one place task actions are recorded
  private TaskDoc audited(AuditAction action, TaskDoc task) {
    audit.record(action, task.caseId(), task.id());
    return task;
  }

  private static String checked(String id) {
    if (!id.matches("\\d{1,19}")) {
      throw new FieldProblem("id", "must be a task key (digits)");
    }
    return id;
  }
}
