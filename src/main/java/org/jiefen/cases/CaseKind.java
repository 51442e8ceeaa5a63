package org.jiefen.cases;

/** Kinds of case, each with the process that handles it. */
enum CaseKind {
  MEDIATION("Mediation"),
  PETITION("Petition");

  private final String processId;

  CaseKind(String processId) {
    this.processId = processId;
  }

  String processId() {
    return processId;
  }
}
