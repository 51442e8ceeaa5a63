package org.jiefen.admin;

import java.util.Locale;
import org.jiefen.deploy.ModelKind;
import org.jiefen.web.NotFoundProblem;

/** The kind in a workbench address: {@code bpmn}, {@code dmn} or {@code form}. */
final class ModelKinds {

  private ModelKinds() {}

  static ModelKind parse(String kind) {
    try {
      return ModelKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NotFoundProblem("no model kind " + kind);
    }
  }

  static String path(ModelKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
