package org.jiefen.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.forms.FormRegistry;
import org.jiefen.forms.FormSchema;
import org.jiefen.forms.FormValidator;
import org.jiefen.scope.DataScope;
import org.jiefen.users.AppUser;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Task list reads and the claim, unclaim and complete actions. Every task returned carries its due
 * state at the moment of the request.
 */
@Service
class TaskService {

  private final TaskRepository tasks;
  private final UserTaskCommands commands;
  private final DataScope scope;
  private final Clock clock;
  private final FormRegistry forms;
  private final CaseTimeline timeline;

  private final AuditLog audit;

  TaskService(
      TaskRepository tasks,
      UserTaskCommands commands,
      DataScope scope,
      AuditLog audit,
      Clock clock,
      FormRegistry forms,
      CaseTimeline timeline) {
    this.audit = audit;
    this.tasks = tasks;
    this.commands = commands;
    this.scope = scope;
    this.clock = clock;
    this.forms = forms;
    this.timeline = timeline;
  }

  List<TaskDoc> search(TaskRepository.Filter filter, AppUser user) {
    Instant now = now();
    return tasks.search(filter, scope.taskFilter(user), now, 200).stream().map(t -> t.at(now)).toList();
  }

  TaskDoc get(String id, AppUser user) {
    return find(id, user).at(now());
  }

  /** A task outside the user's scope does not exist for them: 404, so existence does not leak; audited. */
  private TaskDoc find(String id, AppUser user) {
    TaskDoc task = tasks.find(id).orElseThrow(() -> new NotFoundProblem("no task " + id));
    if (!scope.sees(user, task.access())) {
      audit.denied("task " + id + " outside the user's scope"); // audit
      throw new NotFoundProblem("no task " + id);
    }
    return task;
  }

  // Milliseconds, as Elasticsearch stores dates: the state shown and the state filtered on agree.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  TaskDoc claim(String id, AppUser user) {
    TaskDoc task = open(id, user);
    if (user.username().equals(task.assignee())) {
      return task.at(now());
    }
    if (task.assignee() != null) {
      throw new ConflictProblem("task " + id + " is already claimed by someone else");
    }
    requireCandidate(task, user);
    run(() -> commands.assign(Long.parseLong(id), user.username()));
    TaskDoc claimed = task.withAssignee(user.username());
    tasks.save(claimed, true);
    return claimed.at(now());
  }

  TaskDoc unclaim(String id, AppUser user) {
    TaskDoc task = open(id, user);
    if (task.assignee() == null) {
      return task.at(now());
    }
    if (!user.username().equals(task.assignee())) {
      throw new ConflictProblem("task " + id + " is claimed by someone else");
    }
    run(() -> commands.unassign(Long.parseLong(id)));
    TaskDoc released = task.withAssignee(null);
    tasks.save(released, true);
    return released.at(now());
  }

  /**
   * Completes a task with what the user filled in. The submission is checked against the task's
   * form (400 naming every bad field; a task without a form takes an empty body only); then all
   * of it is recorded in the case file ({@link CaseTimeline#recordTask}, masked), and only then
   * are the form's process fields ({@code "properties": {"process": "true"}}) sent to the engine.
   * The record comes first so that nothing the engine acts on is missing from the case file, and
   * a job worker after the task finds it.
   */
  TaskDoc complete(String id, Map<String, Object> submission, AppUser user) {
    TaskDoc task = open(id, user);
    if (!user.username().equals(task.assignee())) {
      throw new ConflictProblem(
          task.assignee() == null
              ? "task " + id + " is not claimed: claim it before completing it"
              : "task " + id + " is claimed by someone else");
    }
    FormValidator.Result checked = check(task, submission).orThrow();
    if (task.caseId() != null) {
      timeline.recordTask(
          task.caseId(), id, task.elementId(), task.formId(), task.name(), user.username(), task.unitCode(), submission);
    }
    run(() -> commands.complete(Long.parseLong(id), checked.processVariables()));
    // The completing listener updates the mirror too; doing it here as well makes the answer exact.
    TaskDoc done = task.ended(TaskState.COMPLETED, clock.instant(), user.username());
    tasks.save(done, true);
    return done.at(now());
  }

  private FormValidator.Result check(TaskDoc task, Map<String, Object> submission) {
    if (task.formId() == null) {
      return FormValidator.withoutForm(submission);
    }
    FormSchema form =
        forms.schema(task.formId())
            .orElseThrow(() -> new IllegalStateException(
                "form " + task.formId() + " of task " + task.id() + " is not registered; deploy it again"));
    return FormValidator.validate(form, submission);
  }

  private TaskDoc open(String id, AppUser user) {
    TaskDoc task = find(id, user);
    if (!task.state().open()) {
      throw new ConflictProblem("task " + id + " is already " + task.state().name().toLowerCase());
    }
    return task;
  }

  private static void requireCandidate(TaskDoc task, AppUser user) {
    boolean candidate =
        (task.candidateUsers() != null && task.candidateUsers().contains(user.username()))
            || (task.candidateGroups() != null && task.candidateGroups().stream().anyMatch(user.groups()::contains));
    if (!candidate) {
      throw new AccessDeniedException("not a candidate for task " + task.id());
    }
  }

  /**
   * The mirror shows a task as soon as its creating listener runs, a moment before the engine
   * finishes creating it; a command in that moment is refused with the task in a transitional
   * state (CREATING, ASSIGNING, ...). Such refusals are retried briefly; others are conflicts.
   */
  private static void run(Runnable command) {
    for (int attempt = 1; ; attempt++) {
      try {
        command.run();
        return;
      } catch (UserTaskCommands.Rejected e) {
        if (attempt >= 25 || !TRANSITIONAL.matcher(String.valueOf(e.getMessage())).find()) {
          throw new ConflictProblem("the engine refused the command: " + e.getMessage());
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ConflictProblem("interrupted while the task was changing state");
        }
      }
    }
  }

  private static final java.util.regex.Pattern TRANSITIONAL =
      java.util.regex.Pattern.compile("(CREATING|ASSIGNING|UPDATING|COMPLETING|CANCELING)");
}
