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
 * and fell back to weekends only.
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
    String calendarWarning) {

  /** A pause (a hearing, an appraisal); {@code to} is null while it lasts. */
  public record Pause(Instant from, Instant to, String reason) {}

  /** An extension: by how much, why, who approved it, and the due date it replaced. */
  public record Extension(String length, String reason, String approvedBy, Instant at, Instant previousDue) {}
}
