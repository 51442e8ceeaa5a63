package org.jiefen.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseService;
import org.jiefen.cases.CaseView;
import org.jiefen.forms.FormRegistry;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A task with its case: the case summary and timeline on the left, the task's form (form-js, the
 * {@code task-form} island) on the right. The form is live only for the task's assignee; anyone
 * else who may claim it sees it disabled with a claim button, and a finished task says so.
 */
@Controller
@WebPage
class TaskPage {

  /** What the page can offer: work the form, claim first, watch (someone else holds it), or nothing left to do. */
  enum Mode { WORK, CLAIM, HELD, DONE }

  private final TaskService tasks;
  private final CaseService cases;
  private final FormRegistry forms;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final ObjectMapper json;

  TaskPage(TaskService tasks, CaseService cases, FormRegistry forms, CurrentUser currentUser, AuditLog audit,
      ObjectMapper json) {
    this.tasks = tasks;
    this.cases = cases;
    this.forms = forms;
    this.currentUser = currentUser;
    this.audit = audit;
    this.json = json;
  }

  @GetMapping("/tasks/{id}")
  String show(@PathVariable String id, Model model) throws JsonProcessingException {
    AppUser user = currentUser.get();
    TaskDoc task = tasks.get(TaskPages.checked(id), user);
    TaskRow row = TaskRow.of(task, null, user, null);
    Mode mode = !row.open() ? Mode.DONE : row.mine() ? Mode.WORK : row.claimable() ? Mode.CLAIM : Mode.HELD;
    model.addAttribute("task", task);
    model.addAttribute("mode", mode.name());
    model.addAttribute("caseView", caseOf(task, user));
    if (mode != Mode.DONE && task.formId() != null) {
      String schema = forms.find(task.formId()).map(FormRegistry.DeployedForm::schema).orElse(null);
      model.addAttribute("formSchema", schema == null ? null : script(schema));
      // The variables the form reads (options, conditions), as mirrored when the task was created.
      model.addAttribute("formData", script(json.writeValueAsString(task.formInput() == null ? Map.of() : task.formInput())));
    }
    return "tasks/task";
  }

  /** The case as {@code CaseController.get} gives it, audited the same way; none when the reader may not see it. */
  private CaseView caseOf(TaskDoc task, AppUser user) {
    if (task.caseId() == null) {
      return null;
    }
    try {
      CaseView view = cases.view(task.caseId(), user);
      audit.record(AuditAction.CASE_READ, task.caseId(), null); // audit: before the file leaves
      return view;
    } catch (NotFoundProblem notInScope) {
      return null; // a task addressed to the user personally, on a case they may not read
    }
  }

  /** JSON to embed in a {@code <script type="application/json">}: no {@code </script>} can end it early. */
  static String script(String jsonText) {
    return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
