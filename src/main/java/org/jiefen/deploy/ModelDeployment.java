package org.jiefen.deploy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.forms.FormRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way models reach the engine: the startup deployer and the administrators' workbench
 * both deploy through {@link #deploy}. After the engine accepts a deployment, what the app needs
 * to know about it is recorded: each new process version's user tasks in the {@link ProcessCatalog}
 * and each form's schema in the {@link FormRegistry}, so task completion can check submissions
 * against the form the engine links the task to.
 */
@Service
public class ModelDeployment {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final CamundaClient camunda;
  private final ProcessCatalog catalog;
  private final FormRegistry forms;
  private final ModelHistory history;
  private final AuditLog audit;
  private final Clock clock;

  ModelDeployment(
      CamundaClient camunda, ProcessCatalog catalog, FormRegistry forms, ModelHistory history, AuditLog audit, Clock clock) {
    this.camunda = camunda;
    this.catalog = catalog;
    this.forms = forms;
    this.history = history;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Deploys resources that passed the {@link ModelPreparer} as one deployment and records them.
   * The engine keeps the existing version of an unchanged resource, so redeploying is harmless.
   *
   * @param deployedBy the user who deploys, or {@link AuditLog#SYSTEM}
   * @throws RuntimeException as the Camunda client throws it when the engine refuses or is unreachable
   */
  public DeploymentEvent deploy(List<PreparedResource> resources, String deployedBy) {
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("nothing to deploy");
    }
    DeployResourceCommandStep1 command = camunda.newDeployResourceCommand();
    DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
    for (var r : resources) {
      step = step == null ? command.addResourceBytes(r.bytes(), r.name()) : step.addResourceBytes(r.bytes(), r.name());
    }
    DeploymentEvent event = await(step.requestTimeout(Duration.ofSeconds(30)).send());
    Map<String, PreparedResource> byName =
        resources.stream().collect(Collectors.toMap(PreparedResource::name, Function.identity(), (a, b) -> b));
    recordProcesses(event, byName, deployedBy);
    registerForms(event, byName, deployedBy);
    recordDecisions(event, byName, deployedBy);
    return event;
  }

  private void recordProcesses(DeploymentEvent event, Map<String, PreparedResource> resources, String deployedBy) {
    for (Process process : event.getProcesses()) {
      var resource = resources.get(process.getResourceName());
      var known = catalog.find(process.getProcessDefinitionKey());
      if (resource == null || known.filter(v -> v.xml() != null).isPresent()) {
        continue; // unchanged model: the engine kept its version, and we know it already
      }
      catalog.record(
          new ProcessCatalog.ProcessVersion(
              "process-" + process.getProcessDefinitionKey(),
              process.getProcessDefinitionKey(),
              process.getBpmnProcessId(),
              process.getVersion(),
              process.getResourceName(),
              resource.sha256hex(),
              known.map(ProcessCatalog.ProcessVersion::deployedAt).orElseGet(clock::instant),
              known.map(ProcessCatalog.ProcessVersion::deployedBy).orElse(deployedBy),
              ProcessCatalog.userTasks(resource.bytes()),
              new String(resource.bytes(), StandardCharsets.UTF_8)));
      if (known.isPresent()) {
        continue; // recorded before its XML was kept: now it is, and the deployment was audited then
      }
      audit.recordAs(deployedBy, null, AuditAction.MODEL_DEPLOYED, AuditOutcome.SUCCESS, null, // audit
          process.getBpmnProcessId() + ":" + process.getVersion(),
          "sha256 " + resource.sha256hex() + " resource " + process.getResourceName());
      LOG.info(
          "process {} version {} deployed (key {}, sha256 {})",
          process.getBpmnProcessId(),
          process.getVersion(),
          process.getProcessDefinitionKey(),
          resource.sha256hex().substring(0, 12));
    }
  }

  private void registerForms(DeploymentEvent event, Map<String, PreparedResource> resources, String deployedBy) {
    for (Form form : event.getForm()) {
      var resource = resources.get(form.getResourceName());
      if (resource == null) {
        continue;
      }
      history.record(ModelKind.FORM, form.getFormId(), form.getVersion(), form.getFormKey(), resource, clock.instant(), deployedBy);
      boolean current =
          forms.register(
              new FormRegistry.DeployedForm(
                  form.getFormId(),
                  form.getVersion(),
                  form.getFormKey(),
                  form.getResourceName(),
                  resource.sha256hex(),
                  clock.instant(),
                  deployedBy,
                  new String(resource.bytes(), StandardCharsets.UTF_8)));
      if (current) {
        audit.recordAs(deployedBy, null, AuditAction.MODEL_DEPLOYED, AuditOutcome.SUCCESS, null, // audit
            "form " + form.getFormId() + ":" + form.getVersion(),
            "sha256 " + resource.sha256hex() + " resource " + form.getResourceName());
        LOG.info("form {} version {} registered (key {})", form.getFormId(), form.getVersion(), form.getFormKey());
      }
    }
  }

  private void recordDecisions(DeploymentEvent event, Map<String, PreparedResource> resources, String deployedBy) {
    for (var drg : event.getDecisionRequirements()) {
      var resource = resources.get(drg.getResourceName());
      if (resource == null) {
        continue;
      }
      boolean added = history.record(ModelKind.DMN, drg.getDmnDecisionRequirementsId(), drg.getVersion(),
          drg.getDecisionRequirementsKey(), resource, clock.instant(), deployedBy);
      if (added) {
        audit.recordAs(deployedBy, null, AuditAction.MODEL_DEPLOYED, AuditOutcome.SUCCESS, null, // audit
            "decisions " + drg.getDmnDecisionRequirementsId() + ":" + drg.getVersion(),
            "sha256 " + resource.sha256hex() + " resource " + drg.getResourceName());
      }
    }
  }

  /** Whether the engine refused a deployment (the models are wrong), as opposed to not answering. */
  public static boolean isRejection(RuntimeException e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof io.camunda.client.api.command.ClientStatusException status) {
        return status.getStatusCode() == io.grpc.Status.Code.INVALID_ARGUMENT
            || status.getStatusCode() == io.grpc.Status.Code.FAILED_PRECONDITION;
      }
      if (t instanceof io.camunda.client.api.command.ProblemException problem) {
        return problem.code() == 400;
      }
      t = t.getCause();
    }
    return false;
  }
  /** Not join(): a background retry interrupted at shutdown must not wait out the request timeout. */
  private static DeploymentEvent await(io.camunda.client.api.CamundaFuture<DeploymentEvent> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("deployment interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new java.util.concurrent.CompletionException(e.getCause());
    }
  }
}
