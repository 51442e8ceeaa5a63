package org.jiefen.deploy;

import java.util.Locale;

/** The resource types the engine deploys; the file extension must name the content's type. */
public enum ModelKind {
  BPMN(".bpmn", "BPMN"),
  DMN(".dmn", "DMN"),
  FORM(".form", "a form");

  private final String extension;
  private final String label;

  ModelKind(String extension, String label) {
    this.extension = extension;
    this.label = label;
  }

  public String extension() {
    return extension;
  }

  /** For messages: "is not BPMN", "is not a form". */
  String label() {
    return label;
  }

  static ModelKind fromName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ModelKind kind : values()) {
      if (lower.endsWith(kind.extension)) {
        return kind;
      }
    }
    return null;
  }
}
