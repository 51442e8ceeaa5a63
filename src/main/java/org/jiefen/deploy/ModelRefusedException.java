package org.jiefen.deploy;

import java.util.List;

/**
 * A resource that must not be deployed. The message is meant for the administrator who uploaded
 * it: which file, what is wrong, and which elements, so the editor can highlight them.
 */
public class ModelRefusedException extends RuntimeException {

  private final String resourceName;
  private final String reason;
  private final List<String> elementIds;

  public ModelRefusedException(String resourceName, String reason, List<String> elementIds) {
    super(resourceName + " refused: " + reason);
    this.resourceName = resourceName;
    this.reason = reason;
    this.elementIds = List.copyOf(elementIds);
  }

  ModelRefusedException(String resourceName, String reason) {
    this(resourceName, reason, List.of());
  }

  public String resourceName() {
    return resourceName;
  }

  /** The message without the resource name. */
  public String reason() {
    return reason;
  }

  /** Ids of the offending BPMN elements, empty when the problem is the file as a whole. */
  public List<String> elementIds() {
    return elementIds;
  }
}
