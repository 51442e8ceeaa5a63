package org.jiefen.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.jiefen.calendar.CalendarService;
import org.jiefen.clocks.ClockCatalog;
import org.jiefen.clocks.ClockDefinition;
import org.jiefen.clocks.ClockLength;
import org.jiefen.clocks.Deadlines;
import org.jiefen.pii.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The statutory clocks of a case ({@link CaseFile#clocks()}): start, warn, overdue, pause,
 * resume, extend and stop, as the processes' clock worker asks. Every change is a read-modify-write
 * of the case file under optimistic concurrency (two jobs may change clocks of one case at once),
 * followed by a timeline event whose key is derived from the clock's run, so a retried call
 * changes nothing twice and leaves one event.
 *
 * <p>Idempotence per call: {@code start} with the key of the run that exists, or while the clock
 * runs from the same start, answers that run; {@code extend} with a key already applied answers
 * the clock as it is; {@code stop}, {@code pause}, {@code resume}, {@code overdue} are decided by
 * the clock's state. A clock id can be started again after it ended (a second review): the new
 * run replaces the old one in the file, and the timeline keeps the old run's events. Starting a
 * clock that still runs from another start restarts it (the old run is recorded as stopped).
 *
 * <p>Failures: an unknown clock id, a clock not on the case, an invalid outcome, or pausing,
 * resuming or extending a clock that has ended throw {@link IllegalArgumentException} (a
 * modelling error: the worker raises an incident); an extension beyond the catalog's {@code
 * maxExtension} throws {@link ExtensionRefusedException}.
 */
@Service
public class CaseClocks {

  private static final Logger LOG = LoggerFactory.getLogger(CaseClocks.class);

  /**
   * An overdue or warning call this long before the instant it is about is ignored as a stale
   * timer (one armed before an extension or a pause moved the date); the margin absorbs clock
   * skew between the engine and the app.
   */
  static final Duration STALE_MARGIN = Duration.ofMinutes(1);

  private static final List<String> OUTCOMES = List.of(CaseClock.MET, CaseClock.EXPIRED, CaseClock.STOPPED);

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final ClockCatalog catalog;
  private final CalendarService calendar;
  private final Clock clock;

  CaseClocks(CaseRepository cases, CaseTimeline timeline, ClockCatalog catalog, CalendarService calendar, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.catalog = catalog;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The case's clocks as the API shows them, with their colour now. */
  List<ClockView> views(CaseFile file) {
    Instant now = clock.instant();
    return file.clocks() == null ? List.of()
        : file.clocks().stream().map(c -> ClockView.of(c, now, calendar.zone())).toList();
  }

  /** The clock as the case file has it. */
  public Optional<CaseClock> find(String caseId, String clockId) {
    return cases.find(caseId).flatMap(file -> Optional.ofNullable(of(file, clockId)));
  }

  /**
   * Starts the clock at {@code start}, or now when it is null (any instant of the start day gives
   * the same due date).
   *
   * @param key identifies the request (the job), so a retry answers the run it started; null for none
   */
  public CaseClock start(String caseId, String clockId, Instant startOrNull, String key) {
    ClockDefinition definition = catalog.get(clockId);
    Instant start = startOrNull != null ? startOrNull : clock.instant();
    String runKey = key != null ? key : UUID.randomUUID().toString();
    AtomicReference<CaseClock> replaced = new AtomicReference<>();
    CaseClock result = change(caseId, clockId, (file, existing) -> {
      replaced.set(null);
      if (existing != null
          && ((key != null && key.equals(existing.key()))
              || (!existing.hasEnded() && existing.start().equals(start)))) {
        return existing;
      }
      if (existing != null && !existing.hasEnded()) {
        replaced.set(existing);
      }
      Deadlines.Plan plan = deadlines().start(definition, start);
      return new CaseClock(definition.id(), definition.label(), definition.basis(), definition.length().toString(),
          start, plan.warnAt(), plan.due(), CaseClock.RUNNING, null, List.of(), List.of(), plan.calendarWarning(), runKey);
    });
    CaseClock old = replaced.get();
    if (old != null) {
      event(caseId, old, "stopped", "CLOCK_STOPPED", old.label() + "重新起算，原期限停止计算");
    }
    String summary = result.label() + "开始计算：" + ClockLength.parse(result.length()).chinese() + "，至"
        + date(lastDay(result)) + "届满（" + result.basis() + "）" + warningSuffix(result);
    event(caseId, result, "started", "CLOCK_STARTED", summary);
    return result;
  }

  /** Ends the clock with {@code outcome} MET, EXPIRED or STOPPED; an ended clock stays as it ended. */
  public CaseClock stop(String caseId, String clockId, String outcome) {
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("a clock stops as MET, EXPIRED or STOPPED, not '" + outcome + "'");
    }
    Instant now = clock.instant();
    CaseClock result = change(caseId, clockId, (file, existing) -> {
      CaseClock c = required(caseId, clockId, existing);
      if (c.hasEnded()) {
        return c;
      }
      return new CaseClock(c.id(), c.label(), c.basis(), c.length(), c.start(), c.warnAt(), c.due(), outcome, now,
          closePause(c.pauses(), now), c.extensions(), c.calendarWarning(), c.key());
    });
    String summary = switch (result.state()) {
      case CaseClock.MET -> result.label() + "内已办结";
      case CaseClock.EXPIRED -> result.label() + "已届满";
      default -> result.label() + "停止计算";
    };
    event(caseId, result, "stopped", "CLOCK_STOPPED", summary);
    return result;
  }

  /** The process says the clock has run out while the matter is still open. */
  public CaseClock overdue(String caseId, String clockId) {
    Instant now = clock.instant();
    CaseClock result = change(caseId, clockId, (file, existing) -> {
      CaseClock c = required(caseId, clockId, existing);
      if (c.hasEnded() || CaseClock.PAUSED.equals(c.state()) || CaseClock.OVERDUE.equals(c.state())) {
        return c;
      }
      if (now.isBefore(c.due().minus(STALE_MARGIN))) {
        LOG.info("Overdue of clock {} on case {} ignored: it is due at {} (a timer armed before its date moved)",
            clockId, caseId, c.due());
        return c;
      }
      return withState(c, CaseClock.OVERDUE);
    });
    if (CaseClock.OVERDUE.equals(result.state())) {
      event(caseId, result, "overdue-" + result.due().toEpochMilli(), "CLOCK_OVERDUE",
          result.label() + "已于" + date(lastDay(result)) + "届满，尚未办结");
    }
    return result;
  }

  /** The process's warning timer fired: a timeline event, no change to the clock. */
  public CaseClock warn(String caseId, String clockId) {
    CaseClock c = find(caseId, clockId).orElseThrow(() -> missing(caseId, clockId));
    if (c.hasEnded() || CaseClock.PAUSED.equals(c.state()) || c.warnAt() == null) {
      return c;
    }
    if (clock.instant().isBefore(c.warnAt().minus(STALE_MARGIN))) {
      return c;
    }
    event(caseId, c, "warning-" + c.warnAt().toEpochMilli(), "CLOCK_WARNING",
        c.label() + "即将届满：" + date(lastDay(c)) + "届满");
    return c;
  }

  /** Stops the clock running (a hearing, an appraisal) until {@link #resume}; pausing a paused clock changes nothing. */
  public CaseClock pause(String caseId, String clockId, String reason) {
    Instant now = clock.instant();
    String why = reason == null || reason.isBlank() ? null : Masking.maskText(reason.strip());
    CaseClock result = change(caseId, clockId, (file, existing) -> {
      CaseClock c = running(caseId, clockId, existing, "pause");
      if (CaseClock.PAUSED.equals(c.state())) {
        return c;
      }
      List<CaseClock.Pause> pauses = new ArrayList<>(c.pauses());
      pauses.add(new CaseClock.Pause(now, null, why));
      return new CaseClock(c.id(), c.label(), c.basis(), c.length(), c.start(), c.warnAt(), c.due(), CaseClock.PAUSED,
          null, pauses, c.extensions(), c.calendarWarning(), c.key());
    });
    CaseClock.Pause open = result.openPause();
    if (open != null) {
      event(caseId, result, "paused-" + open.from().toEpochMilli(), "CLOCK_PAUSED",
          result.label() + "暂停计算" + (open.reason() == null ? "" : "：" + open.reason()));
    }
    return result;
  }

  /** Runs the clock again; its due date moves on by the days paused (see {@link Deadlines}). */
  public CaseClock resume(String caseId, String clockId) {
    Instant now = clock.instant();
    CaseClock result = change(caseId, clockId, (file, existing) -> {
      CaseClock c = running(caseId, clockId, existing, "resume");
      CaseClock.Pause open = c.openPause();
      if (!CaseClock.PAUSED.equals(c.state()) || open == null) {
        return c;
      }
      ClockDefinition definition = catalog.get(clockId);
      Deadlines.Plan plan = deadlines().resume(definition, c.start(), c.due(), open.from(), now);
      return new CaseClock(c.id(), c.label(), c.basis(), c.length(), c.start(), plan.warnAt(), plan.due(),
          CaseClock.RUNNING, null, closePause(c.pauses(), now), c.extensions(),
          plan.calendarWarning() != null ? plan.calendarWarning() : c.calendarWarning(), c.key());
    });
    CaseClock.Pause last = result.pauses().isEmpty() ? null : result.pauses().getLast();
    if (last != null && last.to() != null) {
      ClockLength.Unit unit = ClockLength.parse(result.length()).unit();
      int pushed = deadlines().pausedDays(last.from(), last.to(), unit);
      event(caseId, result, "resumed-" + last.from().toEpochMilli(), "CLOCK_RESUMED",
          result.label() + "恢复计算，暂停期间不计入，顺延" + new ClockLength(pushed, unit).chinese() + "，至"
              + date(lastDay(result)) + "届满" + warningSuffix(result));
    }
    return result;
  }

  /**
   * Extends the clock by {@code by} (null: the catalog's {@code maxExtension}) from its current due
   * date, for the reason given and approved by whom.
   *
   * @param key identifies the request (the job), so a retry is applied once; null for none
   * @throws ExtensionRefusedException when the clock cannot be extended, or not that far in all
   */
  public CaseClock extend(String caseId, String clockId, ClockLength by, String reason, String approvedBy, String key) {
    ClockDefinition definition = catalog.get(clockId);
    Instant now = clock.instant();
    String extensionKey = key != null ? key : UUID.randomUUID().toString();
    String why = reason == null || reason.isBlank() ? null : Masking.maskText(reason.strip());
    String approver = approvedBy == null || approvedBy.isBlank() ? null : Masking.maskText(approvedBy.strip());
    CaseClock result = change(caseId, clockId, (file, existing) -> {
      CaseClock c = running(caseId, clockId, existing, "extend");
      if (c.extensions().stream().anyMatch(e -> extensionKey.equals(e.key()))) {
        return c;
      }
      ClockLength length = allowed(definition, c, by);
      Deadlines.Plan plan = deadlines().extend(definition, c.start(), c.due(), length);
      List<CaseClock.Extension> extensions = new ArrayList<>(c.extensions());
      extensions.add(new CaseClock.Extension(length.toString(), why, approver, now, c.due(), extensionKey));
      String state = CaseClock.OVERDUE.equals(c.state()) && plan.due().isAfter(now) ? CaseClock.RUNNING : c.state();
      return new CaseClock(c.id(), c.label(), c.basis(), c.length(), c.start(), plan.warnAt(), plan.due(), state,
          null, c.pauses(), extensions,
          plan.calendarWarning() != null ? plan.calendarWarning() : c.calendarWarning(), c.key());
    });
    result.extensions().stream().filter(e -> extensionKey.equals(e.key())).findFirst().ifPresent(e ->
        event(caseId, result, "extended-" + extensionKey, "CLOCK_EXTENDED",
            result.label() + "延长" + ClockLength.parse(e.length()).chinese()
                + (e.reason() == null ? "" : "（" + e.reason() + "）")
                + (e.approvedBy() == null ? "" : "，经" + e.approvedBy() + "批准")
                + "，至" + date(lastDay(result)) + "届满" + warningSuffix(result)));
    return result;
  }

  /** The extension's length if the catalog allows it on top of the extensions already granted. */
  private static ClockLength allowed(ClockDefinition definition, CaseClock c, ClockLength by) {
    ClockLength max = definition.maxExtension();
    if (max == null) {
      throw new ExtensionRefusedException("clock " + definition.id() + " cannot be extended (the catalog sets no max-extension)");
    }
    ClockLength length = by != null ? by : max;
    if (length.unit() != max.unit()) {
      throw new ExtensionRefusedException(
          "clock " + definition.id() + " is extended in " + max.unit().suffix() + " (at most " + max + "), not by " + length);
    }
    int used = c.extensions().stream().mapToInt(e -> ClockLength.parse(e.length()).amount()).sum();
    if (used + length.amount() > max.amount()) {
      throw new ExtensionRefusedException("clock " + definition.id() + " may be extended by at most " + max + " in all; "
          + used + max.unit().suffix() + " granted already, " + length + " asked");
    }
    return length;
  }

  /**
   * Applies {@code change} to the clock (null when the case has none of that id) under optimistic
   * concurrency; a change that answers the same instance writes nothing.
   */
  private CaseClock change(String caseId, String clockId, BiFunction<CaseFile, CaseClock, CaseClock> change) {
    AtomicReference<CaseClock> result = new AtomicReference<>();
    Instant now = clock.instant();
    cases.modify(caseId, file -> {
      CaseClock existing = of(file, clockId);
      CaseClock next = change.apply(file, existing);
      result.set(next);
      if (next == existing) {
        return Map.of();
      }
      List<CaseClock> clocks = new ArrayList<>(file.clocks() == null ? List.of() : file.clocks());
      clocks.removeIf(c -> c.id().equals(clockId));
      clocks.add(next);
      return Map.of("clocks", clocks, "updated", now.toString());
    });
    return result.get();
  }

  private void event(String caseId, CaseClock c, String what, String type, String summary) {
    String key = "clock-" + c.id() + "-" + c.key() + "-" + what;
    timeline.recordUnseen(caseId, key, type, summary, "system", null);
  }

  private Deadlines deadlines() {
    return new Deadlines(calendar.current(), calendar.zone());
  }

  private LocalDate lastDay(CaseClock c) {
    return deadlines().lastDay(c.due());
  }

  private static String date(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  private static String warningSuffix(CaseClock c) {
    return c.calendarWarning() == null ? "" : "。" + c.calendarWarning();
  }

  private static CaseClock of(CaseFile file, String clockId) {
    return file.clocks() == null ? null
        : file.clocks().stream().filter(c -> c.id().equals(clockId)).findFirst().orElse(null);
  }

  private static CaseClock required(String caseId, String clockId, CaseClock existing) {
    if (existing == null) {
      throw missing(caseId, clockId);
    }
    return existing;
  }

  private static CaseClock running(String caseId, String clockId, CaseClock existing, String action) {
    CaseClock c = required(caseId, clockId, existing);
    if (c.hasEnded()) {
      throw new IllegalArgumentException("cannot " + action + " clock " + clockId + " of case " + caseId
          + ": it ended as " + c.state());
    }
    return c;
  }

  private static IllegalArgumentException missing(String caseId, String clockId) {
    return new IllegalArgumentException("case " + caseId + " has no clock " + clockId + "; start it first");
  }

  private static CaseClock withState(CaseClock c, String state) {
    return new CaseClock(c.id(), c.label(), c.basis(), c.length(), c.start(), c.warnAt(), c.due(), state, c.ended(),
        c.pauses(), c.extensions(), c.calendarWarning(), c.key());
  }

  private static List<CaseClock.Pause> closePause(List<CaseClock.Pause> pauses, Instant now) {
    return pauses.stream().map(p -> p.to() == null ? new CaseClock.Pause(p.from(), now, p.reason()) : p).toList();
  }
}
