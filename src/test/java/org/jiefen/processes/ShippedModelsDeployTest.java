package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jiefen.deploy.ModelKind;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.deploy.PreparedResource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models and forms the app ships (processes/**, forms/**) pass the deploy step the app runs
 * at start (ModelPreparer: validation, task listeners, clock inputs, form checks) and the engine
 * accepts them together; every form and called process they reference is among them.
 */
class ShippedModelsDeployTest {

  @Test
  void everyShippedModelAndFormIsPreparedAndDeployedTogether() throws Exception {
    ModelPreparer preparer = new ModelPreparer();
    var resolver = new PathMatchingResourcePatternResolver();
    List<PreparedResource> prepared = new ArrayList<>();
    for (String location : List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
        "classpath*:forms/**/*.form")) {
      for (Resource resource : resolver.getResources(location)) {
        try (InputStream in = resource.getInputStream()) {
          prepared.add(preparer.prepare(resource.getFilename(), in.readAllBytes()));
        }
      }
    }
    assertThat(prepared).extracting(PreparedResource::name)
        .contains("Petition.bpmn", "PetitionSupervision.bpmn", "petition-triage.form", "petition-supervision.form");

    Set<String> processes = new TreeSet<>();
    Set<String> forms = new TreeSet<>();
    Set<String> calledProcesses = new TreeSet<>();
    Set<String> linkedForms = new TreeSet<>();
    for (PreparedResource resource : prepared) {
      if (resource.kind() == ModelKind.FORM) {
        forms.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(resource.bytes()).path("id").asText());
      } else if (resource.kind() == ModelKind.BPMN) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()));
        model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
        model.getModelElementsByType(ZeebeCalledElement.class).forEach(c -> calledProcesses.add(c.getProcessId()));
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          linkedForms.add(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId());
        }
      }
    }
    assertThat(processes).containsAll(calledProcesses);
    assertThat(forms).containsAll(linkedForms);

    try (EngineHarness harness = new EngineHarness()) {
      var command = harness.client.newDeployResourceCommand();
      io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
      for (PreparedResource resource : prepared) {
        step = step == null ? command.addResourceBytes(resource.bytes(), resource.name())
            : step.addResourceBytes(resource.bytes(), resource.name());
      }
      var deployment = step.requestTimeout(Duration.ofMinutes(1)).send().join();
      assertThat(deployment.getProcesses()).extracting(p -> p.getBpmnProcessId()).containsAll(processes);
      assertThat(deployment.getForm()).extracting(f -> f.getFormId()).containsAll(forms);
    }
  }
}
