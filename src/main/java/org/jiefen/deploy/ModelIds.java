package org.jiefen.deploy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.jiefen.forms.FormSchema;

/**
 * The ids a prepared resource deploys under: its process ids (BPMN), its decision requirements id
 * (DMN, the definitions' id) or its form id. The workbench edits one model per id and refuses a
 * file whose id is not the model it was opened as.
 */
public final class ModelIds {

  private ModelIds() {}

  public static List<String> of(PreparedResource resource) {
    return switch (resource.kind()) {
      case BPMN ->
          Bpmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()))
              .getModelElementsByType(Process.class).stream()
              .map(Process::getId)
              .toList();
      case DMN -> List.of(DmnCheck.requirementsId(resource.bytes()));
      case FORM -> List.of(FormSchema.parse(resource.bytes()).id());
    };
  }
}
