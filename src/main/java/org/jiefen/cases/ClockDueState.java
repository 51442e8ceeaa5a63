package org.jiefen.cases;

import java.time.Instant;

/**
 * The three-colour badge of a statutory clock, as tasks have theirs ({@code org.jiefen.tasks.DueState}):
 * {@code GREEN} before its warning instant, {@code YELLOW} from then, {@code RED} from the due
 * instant on, {@code NONE} once it has ended. A paused clock keeps the colour it had when the
 * pause began: its time does not run.
 */
public enum ClockDueState {
  NONE,
  GREEN,
  YELLOW,
  RED;

  static ClockDueState of(CaseClock clock, Instant now) {
    if (clock.hasEnded() || clock.due() == null) {
      return NONE;
    }
    Instant at = now;
    CaseClock.Pause pause = clock.openPause();
    if (CaseClock.PAUSED.equals(clock.state()) && pause != null) {
      at = pause.from();
    }
    if (!at.isBefore(clock.due())) {
      return RED;
    }
    return clock.warnAt() != null && !at.isBefore(clock.warnAt()) ? YELLOW : GREEN;
  }
}
