package org.jiefen.tasks;

public enum TaskState {
  CREATED,
  ASSIGNED,
  COMPLETED,
  CANCELED;

  boolean open() {
    return this == CREATED || this == ASSIGNED;
  }
}
