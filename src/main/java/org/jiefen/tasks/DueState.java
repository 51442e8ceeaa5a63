package org.jiefen.tasks;

import java.time.Instant;

/**
 * The three-colour badge of an open task: {@code GREEN} before its follow-up date (the yellow
 * warning instant models set with {@code zeebe:taskSchedule followUpDate}), {@code YELLOW} from
 * then until its due date, {@code RED} from the due date on. {@code NONE}: no due date, or the task
 * is no longer open (a finished task has no deadline left to watch).
 */
public enum DueState {
  NONE,
  GREEN,
  YELLOW,
  RED;

  static DueState of(TaskState state, Instant due, Instant followUp, Instant now) {
    if (due == null || state == null || !state.open()) {
      return NONE;
    }
    if (!now.isBefore(due)) {
      return RED;
    }
    return followUp != null && !now.isBefore(followUp) ? YELLOW : GREEN;
  }
}
