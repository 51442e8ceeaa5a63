package org.jiefen.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A clock as the case API shows it: the stored clock plus {@code lastDay} (the day it runs out
 * at the end of, in the calendar's zone) and {@code dueState}, computed when read.
 */
record ClockView(
    String id,
    String label,
    String basis,
    String length,
    Instant start,
    Instant warnAt,
    Instant due,
    LocalDate lastDay,
    String state,
    ClockDueState dueState,
    Instant ended,
    List<CaseClock.Pause> pauses,
    List<CaseClock.Extension> extensions,
    String calendarWarning) {

  static ClockView of(CaseClock c, Instant now, ZoneId zone) {
    return new ClockView(c.id(), c.label(), c.basis(), c.length(), c.start(), c.warnAt(), c.due(),
        c.due() == null ? null : c.due().minusNanos(1).atZone(zone).toLocalDate(), c.state(), ClockDueState.of(c, now),
        c.ended(), c.pauses(), c.extensions(), c.calendarWarning());
  }
}
