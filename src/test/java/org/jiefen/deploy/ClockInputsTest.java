package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clock worker's {@code from} header becomes an input mapping the worker can fetch. */
class ClockInputsTest {

  private final ModelPreparer preparer = new ModelPreparer();

  @Test
  void aClockTaskWithAFromHeaderGetsTheClockFromMappingOnce() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ClockFrom")
        .startEvent()
        .serviceTask("Task_Start", t -> t.zeebeJobType("jiefen.clock")
            .zeebeTaskHeader("action", "start").zeebeTaskHeader("clock", "court-decision")
            .zeebeTaskHeader("var", "decision").zeebeTaskHeader("from", "acceptedOn")
            .zeebeInputExpression("caseId", "caseId"))
        .serviceTask("Task_Stop", t -> t.zeebeJobType("jiefen.clock")
            .zeebeTaskHeader("action", "stop").zeebeTaskHeader("clock", "court-decision").zeebeTaskHeader("outcome", "MET"))
        .serviceTask("Task_Other", t -> t.zeebeJobType("jiefen.notify.mail").zeebeTaskHeader("from", "someone"))
        .endEvent()
        .done();

    byte[] prepared = preparer.prepare("test/ClockFrom.bpmn", bytes(model)).bytes();
    BpmnModelInstance read = Bpmn.readModelFromStream(new ByteArrayInputStream(prepared));
    assertThat(inputs(read, "Task_Start")).containsExactly("caseId==caseId", "clockFrom==acceptedOn");
    assertThat(inputs(read, "Task_Stop")).isEmpty();
    assertThat(inputs(read, "Task_Other")).isEmpty();

    byte[] again = preparer.prepare("test/ClockFrom.bpmn", prepared).bytes();
    assertThat(again).as("a prepared model is left as it is").isEqualTo(prepared);
  }

  @Test
  void aFromHeaderThatIsNoVariableNameIsRefused() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ClockFromBad")
        .startEvent()
        .serviceTask("Task_Start", t -> t.zeebeJobType("jiefen.clock")
            .zeebeTaskHeader("action", "start").zeebeTaskHeader("clock", "court-decision")
            .zeebeTaskHeader("var", "decision").zeebeTaskHeader("from", "now()"))
        .endEvent()
        .done();
    assertThatThrownBy(() -> preparer.prepare("test/ClockFromBad.bpmn", bytes(model)))
        .isInstanceOfSatisfying(ModelRefusedException.class, e -> assertThat(e.elementIds()).containsExactly("Task_Start"))
        .hasMessageContaining("'from' header");
  }

  private static List<String> inputs(BpmnModelInstance model, String taskId) {
    ServiceTask task = model.getModelElementById(taskId);
    ZeebeIoMapping io = task.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return List.of();
    }
    return io.getInputs().stream().map(i -> i.getTarget() + "=" + ((ZeebeInput) i).getSource()).toList();
  }

  private static byte[] bytes(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
