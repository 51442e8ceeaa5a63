package org.jiefen.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseLookup;
import org.jiefen.cases.CaseLookup.CaseHeadline;
import org.jiefen.cases.NewCase;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.ConflictProblem;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.WebPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The task list: the user's own tasks or their unit's unclaimed ones, filtered by process, category
 * and due state, with claim and unclaim in place (htmx swaps the row; without htmx the forms post
 * and come back). Each page reads the tasks in one search and their cases' headlines in one
 * multi-get. The task page itself is {@link TaskPage}.
 */
@Controller
@WebPage
class TaskPages {

  static final List<String> PROCESSES = List.of("Mediation", "Petition", "CourtConfirmation", "PetitionSupervision");
  static final List<String> CATEGORIES = List.of(NewCase.CATEGORY.split("\\|"));
  static final List<String> DUE_STATES = List.of("GREEN", "YELLOW", "RED");

  private final TaskService tasks;
  private final CaseLookup cases;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  TaskPages(TaskService tasks, CaseLookup cases, CurrentUser currentUser, AuditLog audit) {
    this.tasks = tasks;
    this.cases = cases;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/tasks")
  String list(
      @RequestParam(defaultValue = "mine") String view,
      @RequestParam(defaultValue = "") String process,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String due,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      @RequestHeader(name = "HX-Target", required = false) String target,
      Model model) {
    AppUser user = currentUser.get();
    String shown = "unit".equals(view) ? "unit" : "mine";
    // Values outside the lists come only from edited addresses: named next to their field, not applied.
    String badField = !process.isEmpty() && !PROCESSES.contains(process) ? "process"
        : !category.isEmpty() && !CATEGORIES.contains(category) ? "category"
        : !due.isEmpty() && !DUE_STATES.contains(due) ? "due" : null;
    String p = "process".equals(badField) ? "" : process;
    String c = "category".equals(badField) ? "" : category;
    String d = "due".equals(badField) ? "" : due;
    TaskRepository.Filter filter = "mine".equals(shown)
        ? new TaskRepository.Filter(null, user.username(), null, TaskState.ASSIGNED, dueState(d), null, blank(p))
        : new TaskRepository.Filter(null, null, null, TaskState.CREATED, dueState(d), null, blank(p));
    List<TaskDoc> found = tasks.search(filter, user);
    Map<String, CaseHeadline> headlines =
        cases.headlines(found.stream().map(TaskDoc::caseId).filter(java.util.Objects::nonNull).toList());
    // The category is the case's: filtered here, on the (at most 200) tasks the search answered.
    List<TaskRow> rows = found.stream()
        .map(t -> TaskRow.of(t, t.caseId() == null ? null : headlines.get(t.caseId()), user, null))
        .filter(r -> c.isEmpty() || (r.caseHeadline() != null && c.equals(r.caseHeadline().category())))
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("view", shown);
    model.addAttribute("process", p);
    model.addAttribute("category", c);
    model.addAttribute("due", d);
    model.addAttribute("badField", badField);
    model.addAttribute("processes", PROCESSES);
    model.addAttribute("categories", CATEGORIES);
    model.addAttribute("dueStates", DUE_STATES);
    return htmx != null && "task-results".equals(target) ? "tasks/list :: results" : "tasks/list";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    return act(id, true, htmx != null, model);
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    return act(id, false, htmx != null, model);
  }

  /**
   * Claims or releases the task as {@code TaskController} does (same service call, same audit
   * event). A lost race is not an error page: htmx gets the row as it now is, with a message; a
   * plain form post goes back to the task page, which shows who holds the task.
   */
  private String act(String id, boolean claim, boolean htmx, Model model) {
    checked(id);
    AppUser user = currentUser.get();
    String messageKey = null;
    TaskDoc task;
    try {
      task = claim ? tasks.claim(id, user) : tasks.unclaim(id, user);
      audit.record(claim ? AuditAction.TASK_CLAIMED : AuditAction.TASK_UNCLAIMED, task.caseId(), task.id()); // audit
    } catch (ConflictProblem | AccessDeniedException refused) {
      if (refused instanceof AccessDeniedException) {
        audit.denied("not a candidate for task " + id); // audit: as the API's 403
      }
      task = tasks.get(id, user); // still in scope: the row as it is now (404 page otherwise)
      messageKey = refused instanceof AccessDeniedException ? "tasks.msg.notCandidate"
          : !task.state().open() ? "tasks.msg.gone"
          : claim ? "tasks.msg.taken" : "tasks.msg.notYours";
    }
    if (!htmx) {
      return "redirect:/tasks/" + id + (messageKey == null ? "" : "?refused");
    }
    Map<String, CaseHeadline> headline = task.caseId() == null ? Map.of() : cases.headlines(Set.of(task.caseId()));
    model.addAttribute("row", TaskRow.of(task, headline.get(task.caseId()), user, messageKey));
    return "tasks/row :: row(row=${row})";
  }

  private static DueState dueState(String due) {
    return due.isEmpty() ? null : DueState.valueOf(due);
  }

  private static String blank(String value) {
    return value.isEmpty() ? null : value;
  }

  static String checked(String id) {
    if (!id.matches("\\d{1,19}")) {
      throw new NotFoundProblem("no task " + id);
    }
    return id;
  }
}
