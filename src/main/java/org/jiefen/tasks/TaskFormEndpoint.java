package org.jiefen.tasks;

import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the task page's form island posts (web chain: session and CSRF header). Completes the task
 * as {@code TaskController} does, with the same audit event. Failures are RFC 9457 problems: 400
 * names every field, with messages in the page's language, for the island to put next to them;
 * 409/404 say the task is no longer the user's to complete.
 */
@RestController
class TaskFormEndpoint {

  /** Where the browser goes after a submission. */
  record Done(String id, String next) {}

  private final TaskService tasks;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final MessageSource messages;

  TaskFormEndpoint(TaskService tasks, CurrentUser currentUser, AuditLog audit, MessageSource messages) {
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
  }

  @PostMapping("/tasks/{id}/complete")
  Done complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> submission) {
    TaskDoc done;
    try {
      done = tasks.complete(TaskPages.checked(id), submission == null ? Map.of() : submission, currentUser.get());
    } catch (FieldProblem invalid) {
      throw localized(invalid);
    }
    audit.record(AuditAction.TASK_COMPLETED, done.caseId(), done.id()); // audit
    return new Done(done.id(), "/tasks?submitted");
  }

  /** The validator's messages are for API clients (English); the page shows its own, by kind of mistake. */
  private FieldProblem localized(FieldProblem problem) {
    List<FieldProblem.Violation> violations = problem.violations().stream()
        .map(v -> new FieldProblem.Violation(v.field(), text(kind(v.message()))))
        .toList();
    return new FieldProblem(violations);
  }

  private static String kind(String message) {
    String m = message == null ? "" : message;
    if (m.startsWith("is required")) {
      return "required";
    }
    if (m.startsWith("must not hold an ID or phone number")) {
      return "pii";
    }
    if (m.startsWith("must be at most")) {
      return "tooLong";
    }
    if (m.startsWith("is not a field")) {
      return "notAField";
    }
    return "invalid";
  }

  private String text(String kind) {
    return messages.getMessage("tasks.fieldError." + kind, null, LocaleContextHolder.getLocale());
  }
}
