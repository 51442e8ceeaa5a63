package org.jiefen.deploy;

import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;

/** Parses a DMN model with the engine's own decision parser, so a bad table fails here, not at deploy. */
final class DmnCheck {

  private DmnCheck() {}

  static void check(String name, byte[] bytes) {
    ParsedDecisionRequirementsGraph drg = Engine.INSTANCE.parse(new ByteArrayInputStream(bytes));
    if (!drg.isValid()) {
      throw new ModelRefusedException(name, "is not a valid DMN model: " + drg.getFailureMessage());
    }
    if (drg.getDecisions().isEmpty()) {
      throw new ModelRefusedException(name, "contains no decision");
    }
  }

  /** The id the engine deploys a (valid) DMN model's decision requirements under. */
  static String requirementsId(byte[] bytes) {
    return Engine.INSTANCE.parse(new ByteArrayInputStream(bytes)).getId();
  }

  // Building the FEEL engine takes a while; only do it when a DMN model is first prepared.
  private static final class Engine {
    static final DecisionEngine INSTANCE = DecisionEngineFactory.createDecisionEngine();
  }
}
