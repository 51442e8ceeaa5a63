package org.jiefen.mail;

import java.time.Duration;

/** Exponential backoff: the first wait, doubled per further attempt, never longer than the cap. */
public final class Backoff {

  private Backoff() {}

  /**
   * The wait after {@code failures} failed attempts (1 = after the first): {@code initial * 2^(failures-1)},
   * at most {@code max}.
   */
  public static Duration after(int failures, Duration initial, Duration max) {
    if (failures < 1) {
      return Duration.ZERO;
    }
    Duration wait = initial;
    // Doubling stops at the cap, so large attempt counts cannot overflow.
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
