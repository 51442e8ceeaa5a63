package org.jiefen.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.jiefen.clocks.ClockCatalog;
import org.jiefen.clocks.UnknownClockException;
import org.jiefen.forms.FormRegistry;
import org.jiefen.mediation.MediationLevels;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.units.UnitLevel;
import org.jiefen.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Our own checks of a model an administrator deploys from the workbench, after the {@link
 * ModelPreparer} accepted it (so it is safe, valid BPMN, DMN or form JSON, and a BPMN has our task
 * listeners). Errors block the deployment; warnings are shown. Each {@link Finding} names the
 * element (for the modeller to select), a stable rule code and the arguments of its translated
 * message. The startup deployer and tests that deploy through {@link ModelDeployment} directly do
 * not run these rules.
 *
 * <p>BPMN rules:
 *
 * <ul>
 *   <li>{@code job-type.unknown} (error): a job type (task definitions of service, send, script and
 *       business rule tasks and of events, execution listeners, task listeners) that no worker of
 *       this app ({@link ServedJobTypes}) nor {@code jiefen.deploy.extra-job-types} serves. A FEEL
 *       job type cannot be checked: {@code job-type.expression} (warning).
 *   <li>{@code form.unknown} (error): a user task's {@code formId} that is neither deployed nor a
 *       form of the same deployment (only the latter with binding type {@code deployment}); no
 *       form: {@code form.missing} (warning); a form key or external reference, which the task list
 *       cannot render or check: {@code form.external} (warning).
 *   <li>{@code candidate-groups.missing}: a user task without candidate groups (an error, or a
 *       warning when it names an assignee or candidate users, static or by expression: someone gets the task). The candidate groups are
 *       evaluated with every variable they read set to a real unit code (a county's); the result
 *       must be a list of {@code <role>:<unit>} strings (a static value: a comma-separated list):
 *       otherwise {@code candidate-groups.unresolved}; an unknown role: {@code candidate-groups.role};
 *       a unit code that does not exist: {@code candidate-groups.unit} (all errors).
 *   <li>{@code timer.clock} (error): a timer (boundary, intermediate catch, event subprocess start)
 *       that reads none of the clock variables ({@code jiefen.deploy.clock-variables}, plus the
 *       {@code <var>Due} and {@code <var>Warn} of the model's own {@code jiefen.clock} tasks):
 *       deadlines come from the clock and level workers so they follow the holiday calendar, pauses
 *       and the demo clock. The shipped models have no other timers. A fixed duration or cycle of at
 *       most {@link #SHORT_TIMER} is a technical wait (a retry, a polling delay), not a deadline:
 *       {@code timer.short} (warning). A timer start event of a process starts instances on its own,
 *       without a case: {@code timer.start} (warning).
 *   <li>{@code called-element.unknown} (warning): a call activity's process id that is neither
 *       deployed ({@link ProcessCatalog}) nor in the same deployment.
 *   <li>{@code clock.unknown} (error): a {@code jiefen.clock} task whose {@code clock} header is
 *       missing or not in the clock catalog ({@code jiefen.clocks}); the worker would raise an incident.
 *   <li>{@code level-deadline.invalid} (error): a start event output {@code villageDeadline},
 *       {@code townDeadline} or {@code countyDeadline} that is not a positive duration of days and
 *       hours of at most a year ({@link MediationLevels#parseDeadline}).
 * </ul>
 *
 * <p>Forms: {@code form.key} (error): a field key or group path segment that is not a variable
 * name FEEL can read ({@code [A-Za-z_][A-Za-z0-9_]*}), named by the component's id. DMN: nothing
 * beyond the preparer's checks.
 */
@Component
public class DeployRules {

  /** Fixed durations up to this long are technical waits, not deadlines. */
  static final Duration SHORT_TIMER = Duration.ofHours(1);

  static final String CLOCK_JOB_TYPE = ClockInputs.JOB_TYPE;
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CYCLE = Pattern.compile("R\\d*/(?:[^/]+/)?(P[^/]+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Stands for the variables of a candidate-group expression when no unit exists at all. */
  private static final String NO_UNIT = "000000000000";

  /** What the rules look things up in; from the app's services, or fixed sets in tests. */
  interface Known {
    boolean jobType(String type);

    boolean form(String formId);

    boolean process(String processId);

    boolean unit(String code);

    /** A unit code that exists (a county's, or any), or null when there is none. */
    String sampleUnit();

    boolean clock(String clockId);
  }

  private final Known known;
  private final Set<String> clockVariables;

  @Autowired
  DeployRules(
      ServedJobTypes served,
      DeploySettings settings,
      UnitDirectory units,
      FormRegistry forms,
      ProcessCatalog processes,
      ClockCatalog clocks) {
    this(
        new Known() {
          @Override
          public boolean jobType(String type) {
            return served.serves(type);
          }

          @Override
          public boolean form(String formId) {
            return forms.find(formId).isPresent();
          }

          @Override
          public boolean process(String processId) {
            return processes.hasProcess(processId);
          }

          @Override
          public boolean unit(String code) {
            return units.find(code).isPresent();
          }

          @Override
          public String sampleUnit() {
            List<Unit> all = units.all();
            return all.stream()
                .filter(u -> u.level() == UnitLevel.COUNTY && !u.isDepartment())
                .findFirst()
                .or(() -> all.stream().findFirst())
                .map(Unit::code)
                .orElse(null);
          }

          @Override
          public boolean clock(String clockId) {
            try {
              clocks.get(clockId);
              return true;
            } catch (UnknownClockException e) {
              return false;
            }
          }
        },
        settings.clockVariables());
  }

  DeployRules(Known known, Collection<String> clockVariables) {
    this.known = known;
    this.clockVariables = Set.copyOf(clockVariables);
  }

  /**
   * @param resource a resource the {@link ModelPreparer} accepted
   * @param sameDeployment the resources deployed with it (it may be among them)
   * @return errors and warnings, in the model's document order per rule
   */
  public List<Finding> check(PreparedResource resource, Collection<PreparedResource> sameDeployment) {
    return switch (resource.kind()) {
      case BPMN -> new BpmnCheck(read(resource), sameDeployment).run();
      case FORM -> formKeys(resource);
      case DMN -> List.of();
    };
  }

  private static BpmnModelInstance read(PreparedResource resource) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()));
  }

  /** The checks of one BPMN model. */
  private final class BpmnCheck {

    private final BpmnModelInstance model;
    private final Collection<PreparedResource> sameDeployment;
    private final List<Finding> findings = new ArrayList<>();

    BpmnCheck(BpmnModelInstance model, Collection<PreparedResource> sameDeployment) {
      this.model = model;
      this.sameDeployment = sameDeployment;
    }

    List<Finding> run() {
      jobTypes();
      forms();
      candidateGroups();
      timers();
      calledElements();
      clocks();
      levelDeadlines();
      return List.copyOf(findings);
    }

    private void jobTypes() {
      for (ModelElementInstance e : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
        jobType(e, ((ZeebeTaskDefinition) e).getType());
      }
      for (ZeebeExecutionListener l : model.getModelElementsByType(ZeebeExecutionListener.class)) {
        jobType(l, l.getType());
      }
      for (ZeebeTaskListener l : model.getModelElementsByType(ZeebeTaskListener.class)) {
        jobType(l, l.getType());
      }
    }

    private void jobType(ModelElementInstance definition, String type) {
      if (type == null || type.isBlank()) {
        return; // the preparer's validation names a missing type
      }
      String id = owningId(definition);
      if (Feel.isExpression(type)) {
        findings.add(Finding.warning(id, "job-type.expression",
            "the job type " + type + " is an expression; whether a worker serves it cannot be checked", type));
      } else if (!known.jobType(type.strip())) {
        findings.add(Finding.error(id, "job-type.unknown",
            "no worker serves the job type " + type.strip(), type.strip()));
      }
    }

    private void forms() {
      Set<String> deployedWith = formIds(sameDeployment);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        String formId = form == null ? null : blankToNull(form.getFormId());
        if (formId != null) {
          boolean sameOnly = form.getBindingType() == ZeebeBindingType.deployment;
          if (!deployedWith.contains(formId) && (sameOnly || !known.form(formId))) {
            findings.add(Finding.error(task.getId(), "form.unknown",
                "the form " + formId + (sameOnly ? " is not in this deployment" : " is neither deployed nor in this deployment"),
                formId));
          }
        } else if (form != null && (blankToNull(form.getFormKey()) != null || blankToNull(form.getExternalReference()) != null)) {
          String reference = Optional.ofNullable(blankToNull(form.getExternalReference())).orElse(form.getFormKey());
          findings.add(Finding.warning(task.getId(), "form.external",
              "the form " + reference + " is not a deployed Camunda form: the task list cannot show it or check what is submitted",
              reference));
        } else {
          findings.add(Finding.warning(task.getId(), "form.missing", "the user task has no form"));
        }
      }
    }

    private void candidateGroups() {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
        String groups = assignment == null ? null : blankToNull(assignment.getCandidateGroups());
        if (groups == null) {
          boolean someone = assignment != null
              && (blankToNull(assignment.getAssignee()) != null || blankToNull(assignment.getCandidateUsers()) != null);
          String message = "the user task has no candidate groups" + (someone ? ", only an assignee or candidate users" : "");
          findings.add(someone
              ? Finding.warning(task.getId(), "candidate-groups.missing", message)
              : Finding.error(task.getId(), "candidate-groups.missing", message));
          continue;
        }
        candidateGroups(task.getId(), groups);
      }
    }

    private void candidateGroups(String taskId, String groups) {
      String sample = Optional.ofNullable(known.sampleUnit()).orElse(NO_UNIT);
      List<String> resolved;
      if (Feel.isExpression(groups)) {
        Object result;
        try {
          result = Feel.evaluate(groups, name -> sample);
        } catch (Feel.FeelException e) {
          result = null;
        }
        if (!(result instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
          findings.add(Finding.error(taskId, "candidate-groups.unresolved",
              "the candidate groups " + groups + " do not give a list of role:unit texts", groups));
          return;
        }
        resolved = list.stream().map(String.class::cast).toList();
      } else {
        resolved = Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
      }
      Set<String> roles = Arrays.stream(Role.values()).map(Role::groupPrefix).collect(Collectors.toCollection(LinkedHashSet::new));
      for (String group : resolved) {
        int colon = group.indexOf(':');
        String role = colon < 0 ? group : group.substring(0, colon);
        String unit = colon < 0 ? "" : group.substring(colon + 1);
        if (!roles.contains(role)) {
          findings.add(Finding.error(taskId, "candidate-groups.role",
              "the candidate group " + group + " does not start with a role (" + String.join(", ", roles) + ") and a colon",
              role, group));
        } else if (!unit.equals(sample) && !known.unit(unit)) {
          findings.add(Finding.error(taskId, "candidate-groups.unit",
              "the candidate group " + group + " names the unit " + unit + ", which does not exist", unit, group));
        }
      }
    }

    private void timers() {
      Set<String> allowed = new LinkedHashSet<>(clockVariables);
      clockTasks().forEach(t -> {
        String var = header(t, "var");
        if (var != null && VARIABLE.matcher(var).matches()) {
          allowed.add(var + "Due");
          allowed.add(var + "Warn");
        }
      });
      for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        String id = owningId(timer);
        if (timer.getParentElement() instanceof StartEvent && timer.getParentElement().getParentElement() instanceof Process) {
          findings.add(Finding.warning(id, "timer.start",
              "the timer start event starts instances of the process on its own, without a case"));
          continue;
        }
        String expression = timerText(timer);
        if (expression == null) {
          continue; // the preparer's validation names a timer without a time
        }
        if (Feel.isExpression(expression) && Feel.names(expression).stream().anyMatch(allowed::contains)) {
          continue;
        }
        if (timer.getTimeDate() == null && isShort(expression)) {
          findings.add(Finding.warning(id, "timer.short",
              "the timer " + expression + " is a fixed wait; it ignores the holiday calendar, pauses and the demo clock",
              expression));
        } else {
          findings.add(Finding.error(id, "timer.clock",
              "the timer " + expression + " reads no clock variable (" + String.join(", ", allowed.stream().sorted().toList())
                  + "); deadlines come from the clock or level worker so they follow the holiday calendar",
              expression));
        }
      }
    }

    private void calledElements() {
      Collection<CallActivity> calls = model.getModelElementsByType(CallActivity.class);
      if (calls.isEmpty()) {
        return;
      }
      Set<String> processIds = model.getModelElementsByType(Process.class).stream()
          .map(Process::getId)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      for (PreparedResource other : sameDeployment) {
        if (other.kind() == ModelKind.BPMN) {
          processIds.addAll(processIds(other));
        }
      }
      for (CallActivity call : calls) {
        ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
        String processId = called == null ? null : blankToNull(called.getProcessId());
        if (processId == null || Feel.isExpression(processId) || processIds.contains(processId)) {
          continue;
        }
        if (!known.process(processId)) {
          findings.add(Finding.warning(call.getId(), "called-element.unknown",
              "the called process " + processId + " is neither deployed nor in this deployment", processId));
        }
      }
    }

    private void clocks() {
      for (BaseElement task : clockTasks()) {
        String clock = header(task, "clock");
        if (clock == null || !known.clock(clock)) {
          findings.add(Finding.error(task.getId(), "clock.unknown",
              clock == null ? "the clock task has no clock header" : "the clock " + clock + " is not in the clock catalog",
              clock == null ? "" : clock));
        }
      }
    }

    private void levelDeadlines() {
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        ZeebeIoMapping io = start.getSingleExtensionElement(ZeebeIoMapping.class);
        if (io == null) {
          continue;
        }
        for (ZeebeOutput output : io.getOutputs()) {
          if (!MediationLevels.DEADLINE_VARIABLES.contains(output.getTarget())) {
            continue;
          }
          Object value;
          try {
            value = Feel.evaluate(String.valueOf(output.getSource()), name -> null);
          } catch (Feel.FeelException e) {
            value = null;
          }
          if (MediationLevels.parseDeadline(value).isEmpty()) {
            findings.add(Finding.error(start.getId(), "level-deadline.invalid",
                output.getTarget() + " = " + output.getSource() + " is not a deadline such as \"P30D\" (a positive"
                    + " duration of days and hours, at most " + MediationLevels.LONGEST_DEADLINE.toDays() + " days)",
                output.getTarget(), String.valueOf(output.getSource())));
          }
        }
      }
    }

    private List<BaseElement> clockTasks() {
      List<BaseElement> tasks = new ArrayList<>();
      for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
        if (CLOCK_JOB_TYPE.equals(definition.getType())
            && definition.getParentElement() != null
            && definition.getParentElement().getParentElement() instanceof BaseElement element) {
          tasks.add(element);
        }
      }
      return tasks;
    }
  }

  private List<Finding> formKeys(PreparedResource resource) {
    JsonNode form;
    try {
      form = JSON.readTree(resource.bytes());
    } catch (IOException e) {
      return List.of(); // the preparer accepted it, so this does not happen
    }
    List<Finding> findings = new ArrayList<>();
    formKeys(form.path("components"), findings);
    return List.copyOf(findings);
  }

  private static void formKeys(JsonNode components, List<Finding> findings) {
    for (JsonNode c : components) {
      for (String attribute : List.of("key", "path")) {
        String value = c.path(attribute).asText("");
        if (!value.isEmpty() && !Arrays.stream(value.split("\\.", -1)).allMatch(s -> VARIABLE.matcher(s).matches())) {
          String id = c.path("id").asText(value);
          findings.add(Finding.error(id, "form.key",
              "the " + attribute + " " + value + " is not a variable name (letters, digits and _, not starting with a digit)",
              value));
        }
      }
      formKeys(c.path("components"), findings);
    }
  }

  private static Set<String> formIds(Collection<PreparedResource> resources) {
    Set<String> ids = new LinkedHashSet<>();
    for (PreparedResource r : resources) {
      if (r.kind() == ModelKind.FORM) {
        try {
          String id = JSON.readTree(r.bytes()).path("id").asText("");
          if (!id.isEmpty()) {
            ids.add(id);
          }
        } catch (IOException e) {
          // the preparer accepted it; a form that is not JSON has no id to offer
        }
      }
    }
    return ids;
  }

  /** The process ids of a BPMN resource, from a plain parse: reading it as a model costs far more. */
  private static Set<String> processIds(PreparedResource bpmn) {
    Set<String> ids = new LinkedHashSet<>();
    var processes = SafeXml.parse(bpmn.bytes()).getElementsByTagNameNS(ModelPreparer.BPMN_NAMESPACE, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      ids.add(((org.w3c.dom.Element) processes.item(i)).getAttribute("id"));
    }
    return ids;
  }

  private static String timerText(TimerEventDefinition timer) {
    for (var expression : List.of(
        Optional.ofNullable((ModelElementInstance) timer.getTimeDate()),
        Optional.ofNullable((ModelElementInstance) timer.getTimeDuration()),
        Optional.ofNullable((ModelElementInstance) timer.getTimeCycle()))) {
      if (expression.isPresent()) {
        return blankToNull(expression.get().getTextContent());
      }
    }
    return null;
  }

  /** A fixed duration or cycle (a literal or a FEEL expression that reads no variable) of at most {@link #SHORT_TIMER}. */
  static boolean isShort(String timer) {
    Object value = timer.strip();
    if (Feel.isExpression(timer)) {
      try {
        value = Feel.evaluate(timer, name -> null);
      } catch (Feel.FeelException e) {
        return false;
      }
    }
    Duration duration = null;
    if (value instanceof Duration d) {
      duration = d;
    } else if (value instanceof String s) {
      var cycle = CYCLE.matcher(s.strip());
      try {
        duration = Duration.parse(cycle.matches() ? cycle.group(1) : s.strip());
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return duration != null && duration.isPositive() && duration.compareTo(SHORT_TIMER) <= 0;
  }

  private static String header(BaseElement element, String key) {
    ZeebeTaskHeaders headers = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers == null) {
      return null;
    }
    return headers.getHeaders().stream()
        .filter(h -> key.equals(h.getKey()))
        .map(ZeebeHeader::getValue)
        .map(DeployRules::blankToNull)
        .filter(v -> v != null)
        .map(String::strip)
        .findFirst()
        .orElse(null);
  }

  /** The id of the element a definition belongs to, e.g. the task of a listener. */
  private static String owningId(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
