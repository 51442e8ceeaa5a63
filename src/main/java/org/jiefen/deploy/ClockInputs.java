package org.jiefen.deploy;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clock worker ({@code jiefen.clock}) is told by its {@code from} header which process
 * variable holds a clock's start. A job worker declares the variables it fetches once, for every
 * job, so it cannot fetch a variable whose name a model chooses; instead every {@code jiefen.clock}
 * task with a {@code from} header gets the input mapping {@code clockFrom = =<from>}, and the
 * worker fetches {@code clockFrom}. Models keep the contract the header states, and the worker
 * fetches only what it needs.
 */
final class ClockInputs {

  static final String JOB_TYPE = "jiefen.clock";
  static final String TARGET = "clockFrom";
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ClockInputs() {}

  /**
   * @return whether a mapping was added
   * @throws ModelRefusedException when a {@code from} header is not a variable name
   */
  static boolean addMissing(String name, BpmnModelInstance model) {
    boolean changed = false;
    List<String> invalid = new ArrayList<>();
    for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      if (!JOB_TYPE.equals(definition.getType())
          || !(definition.getParentElement() instanceof ExtensionElements extensions)
          || !(extensions.getParentElement() instanceof BaseElement element)) {
        continue;
      }
      String from = from(element);
      if (from == null) {
        continue;
      }
      if (!VARIABLE.matcher(from).matches()) {
        invalid.add(element.getId());
        continue;
      }
      ZeebeIoMapping io = element.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io != null && io.getInputs().stream().anyMatch(i -> TARGET.equals(i.getTarget()))) {
        continue;
      }
      if (io == null) {
        io = extensions.addExtensionElement(ZeebeIoMapping.class);
      }
      ZeebeInput input = model.newInstance(ZeebeInput.class);
      input.setSource("=" + from);
      input.setTarget(TARGET);
      io.addChildElement(input);
      changed = true;
    }
    if (!invalid.isEmpty()) {
      throw new ModelRefusedException(name, "clock task(s) " + String.join(", ", invalid)
          + " name no process variable in their 'from' header (a variable name such as agreementEffective)", invalid);
    }
    return changed;
  }

  private static String from(BaseElement element) {
    ZeebeTaskHeaders headers = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers == null) {
      return null;
    }
    return headers.getHeaders().stream()
        .filter(h -> "from".equals(h.getKey()))
        .map(ZeebeHeader::getValue)
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .findFirst()
        .orElse(null);
  }
}
