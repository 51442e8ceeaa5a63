package org.jiefen.cases;

import java.time.Instant;
import java.util.List;

/**
 * A statutory clock on a case: what it is ({@code id}, {@code label}), where the law sets it
 * ({@code basis}), its length as configured ({@code 30d} calendar days, {@code 15wd} working
 * days), when it started, warns and falls due, and what happened to it. {@code state} is one of
 * RUNNING, PAUSED, OVERDUE (still running past due), MET, EXPIRED, STOPPED. The due state a user
 * sees (green/yellow/red) is derived from {@code warnAt} and {@code due} when read.
 * {@code calendarWarning} says when a working-day clock reached a year with no holiday calendar
 * and fell back to weekends only. {@code due} is the end of the last day: 00:00 of the next day
 * in Asia/Shanghai. {@code key} identifies this run of the clock (the job that started it), so a
 * retried start is recognised and a restarted clock's events do not collide with the earlier run's.
 */
public record CaseClock(
    String id,
    String label,
    String basis,
    String length,
    Instant start,
    Instant warnAt,
    Instant due,
    String state,
    Instant ended,
    List<Pause> pauses,
    List<Extension> extensions,
    String calendarWarning,
    String key) {

  public static final String RUNNING = "RUNNING";
  public static final String PAUSED = "PAUSED";
  public static final String OVERDUE = "OVERDUE";
  public static final String MET = "MET";
  public static final String EXPIRED = "EXPIRED";
  public static final String STOPPED = "STOPPED";

  public CaseClock {
    pauses = pauses == null ? List.of() : List.copyOf(pauses);
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }

  public CaseClock(
      String id, String label, String basis, String length, Instant start, Instant warnAt, Instant due, String state,
      Instant ended, List<Pause> pauses, List<Extension> extensions, String calendarWarning) {
    this(id, label, basis, length, start, warnAt, due, state, ended, pauses, extensions, calendarWarning, null);
  }

  /** MET, EXPIRED or STOPPED: the clock no longer runs. */
  public boolean hasEnded() {
    return ended != null || MET.equals(state) || EXPIRED.equals(state) || STOPPED.equals(state);
  }

  /** The pause that lasts, if the clock is paused. */
  public Pause openPause() {
    return pauses.stream().filter(p -> p.to() == null).reduce((a, b) -> b).orElse(null);
  }

  /** A pause (a hearing, an appraisal); {@code to} is null while it lasts. */
  public record Pause(Instant from, Instant to, String reason) {}

  /**
   * An extension: by how much, why, who approved it, and the due date it replaced. {@code key}
   * identifies the request (the job), so a retried extension is applied once.
   */
  public record Extension(String length, String reason, String approvedBy, Instant at, Instant previousDue, String key) {
    public Extension(String length, String reason, String approvedBy, Instant at, Instant previousDue) {
      this(length, reason, approvedBy, at, previousDue, null);
    }
  }
}
