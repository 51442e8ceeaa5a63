package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiefen.deploy.Models.fixture;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpmnPreparationTest {

  private final ModelPreparer preparer = new ModelPreparer();

  @Test
  void everyUserTaskGetsOneListenerPerEvent() {
    PreparedResource prepared = preparer.prepare("mediation/Mediation.bpmn", fixture("Mediation.bpmn"));

    assertThat(prepared.kind()).isEqualTo(ModelKind.BPMN);
    assertThat(prepared.name()).isEqualTo("mediation/Mediation.bpmn");
    BpmnModelInstance model = read(prepared.bytes());
    for (String taskId : List.of("Task_Register", "Task_Mediate")) {
      assertThat(listeners(model, taskId))
          .as(taskId)
          .containsExactly(
              "creating jiefen.task.creating 3",
              "assigning jiefen.task.assigning 3",
              "completing jiefen.task.completing 3",
              "canceling jiefen.task.canceling 3");
    }
  }

  @Test
  void keepsWhatTheModellerConfigured() {
    BpmnModelInstance model =
        read(preparer.prepare("Mediation.bpmn", fixture("Mediation.bpmn")).bytes());

    UserTask register = model.getModelElementById("Task_Register");
    assertThat(register.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId())
        .isEqualTo("register");
    UserTask mediate = model.getModelElementById("Task_Mediate");
    assertThat(mediate.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups())
        .isEqualTo("=[\"mediator:\" + unitCode]");
    assertThat(mediate.getName()).isEqualTo("调解");
  }

  @Test
  void preparingTwiceChangesNothing() {
    PreparedResource once = preparer.prepare("Mediation.bpmn", fixture("Mediation.bpmn"));
    PreparedResource twice = preparer.prepare("Mediation.bpmn", once.bytes());

    assertThat(twice.bytes()).isEqualTo(once.bytes());
    assertThat(twice.sha256hex()).isEqualTo(once.sha256hex());
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void hashIsOfTheFinalBytes() {
    PreparedResource prepared = preparer.prepare("Mediation.bpmn", fixture("Mediation.bpmn"));

    assertThat(prepared.sha256hex())
        .isEqualTo(ModelPreparer.sha256(prepared.bytes()))
        .isNotEqualTo(ModelPreparer.sha256(fixture("Mediation.bpmn")))
        .hasSize(64);
  }

  @Test
  void existingListenersStayAndOursComeAfterThem() {
    BpmnModelInstance model =
        read(preparer.prepare("PartlyPrepared.bpmn", fixture("PartlyPrepared.bpmn")).bytes());

    // "complete" is the pre-8.8 name of "completing": that listener already is ours.
    assertThat(listeners(model, "Task_Review"))
        .containsExactly(
            "creating jiefen.custom.check 5",
            "complete jiefen.task.completing 7",
            "creating jiefen.task.creating 3",
            "assigning jiefen.task.assigning 3",
            "canceling jiefen.task.canceling 3");
  }

  @Test
  void jobWorkerUserTasksAreRefused() {
    assertThatThrownBy(() -> preparer.prepare("JobWorkerTask.bpmn", fixture("JobWorkerTask.bpmn")))
        .isInstanceOfSatisfying(
            ModelRefusedException.class,
            e -> {
              assertThat(e.resourceName()).isEqualTo("JobWorkerTask.bpmn");
              assertThat(e.elementIds()).containsExactly("Task_Old");
              assertThat(e.getMessage())
                  .contains("Task_Old", "job-worker user task", "make them Camunda user tasks");
            });
  }

  @Test
  void zeebeValidationErrorsNameTheElement() {
    assertThatThrownBy(
            () -> preparer.prepare("ServiceTaskWithoutType.bpmn", fixture("ServiceTaskWithoutType.bpmn")))
        .isInstanceOfSatisfying(
            ModelRefusedException.class,
            e -> {
              assertThat(e.elementIds()).containsExactly("Task_Notify");
              assertThat(e.getMessage())
                  .startsWith("ServiceTaskWithoutType.bpmn refused: fails Zeebe validation")
                  .contains("Task_Notify: ")
                  .contains("taskDefinition");
            });
  }

  @Test
  void schemaViolationsAreRefused() {
    String bpmn =
        new String(fixture("Mediation.bpmn"), StandardCharsets.UTF_8)
            .replace("<bpmn:endEvent id=\"End_Done\"/>", "<bpmn:endEvent/><bpmn:noSuchThing/>");
    assertThatThrownBy(
            () -> preparer.prepare("Mediation.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageStartingWith("Mediation.bpmn refused: is not valid BPMN 2.0");
  }

  private static BpmnModelInstance read(byte[] bytes) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
  }

  private static List<String> listeners(BpmnModelInstance model, String taskId) {
    UserTask task = model.getModelElementById(taskId);
    ZeebeTaskListeners listeners = task.getSingleExtensionElement(ZeebeTaskListeners.class);
    return listeners.getTaskListeners().stream().map(BpmnPreparationTest::describe).toList();
  }

  private static String describe(ZeebeTaskListener l) {
    return l.getEventType() + " " + l.getType() + " " + l.getRetries();
  }
}
