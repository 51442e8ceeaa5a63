package org.jiefen.deploy;

import java.util.List;

/** Placeholder until the diff lands. */
public final class ModelDiff {
  private ModelDiff() {}

  public static List<ModelChange> bpmn(byte[] before, byte[] after) { return List.of(); }

  public static List<ModelChange> form(byte[] before, byte[] after) { return List.of(); }

  public static List<ModelChange> dmn(byte[] before, byte[] after) { return List.of(); }
}
