package org.jiefen.deploy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads a BPMN model that passed {@link SafeXml}, adds our task listeners and validates it. */
final class BpmnPreparation {

  private BpmnPreparation() {}

  static byte[] prepare(String name, byte[] bytes) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      // Schema violations surface here: the parser validates against the BPMN XSD on read.
      throw new ModelRefusedException(name, "is not valid BPMN 2.0: " + rootMessage(e));
    }

    List<String> jobWorkerTasks = TaskListeners.jobWorkerUserTasks(model);
    if (!jobWorkerTasks.isEmpty()) {
      throw new ModelRefusedException(
          name,
          "user task(s) "
              + String.join(", ", jobWorkerTasks)
              + " are job-worker user tasks; make them Camunda user tasks (Modeler: Implementation"
              + " = \"Camunda user task\"; XML: <zeebe:userTask/> in extensionElements) so the"
              + " task list can follow them",
          jobWorkerTasks);
    }

    boolean changed = TaskListeners.addMissing(model);
    changed |= ClockInputs.addMissing(name, model);
    validate(name, model);
    // Unchanged models keep their exact bytes: re-serialising reformats them, which would make an
    // unchanged redeploy look like a new version.
    if (!changed) {
      return bytes;
    }
    dropIndentation(model.getDocument().getDomSource().getNode());
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  // The serialiser indents again around the old indentation, leaving blank lines between all
  // elements; without the old whitespace the output is laid out like the modeller's.
  private static void dropIndentation(Node node) {
    NodeList children = node.getChildNodes();
    boolean hasElements = false;
    for (int i = 0; i < children.getLength(); i++) {
      hasElements |= children.item(i).getNodeType() == Node.ELEMENT_NODE;
    }
    for (int i = children.getLength() - 1; i >= 0; i--) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        dropIndentation(child);
      } else if (hasElements
          && child.getNodeType() == Node.TEXT_NODE
          && child.getNodeValue().isBlank()) {
        node.removeChild(child);
      }
    }
  }

  private static void validate(String name, BpmnModelInstance model) {
    try {
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      throw new ModelRefusedException(name, "is not valid BPMN 2.0: " + rootMessage(e));
    }
    // Bpmn.validateModel only checks the XSD; the engine's deploy-time rules are these validators.
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    if (!results.hasErrors()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    results.getResults().forEach(
        (element, list) -> {
          String id = owningId(element);
          for (ValidationResult result : list) {
            if (result.getType() == ValidationResultType.ERROR) {
              ids.add(id);
              problems.add(id + ": " + result.getMessage());
            }
          }
        });
    throw new ModelRefusedException(
        name, "fails Zeebe validation: " + String.join("; ", problems), List.copyOf(ids));
  }

  // Errors are often reported on an extension element; the administrator knows the task it sits in.
  private static String owningId(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
    }
    return element.getElementType().getTypeName();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : e.getMessage();
  }
}
