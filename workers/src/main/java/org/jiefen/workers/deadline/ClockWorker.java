package org.jiefen.workers.deadline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jiefen.calendar.CalendarService;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseClocks;
import org.jiefen.cases.ExtensionRefusedException;
import org.jiefen.clocks.ClockCatalog;
import org.jiefen.clocks.ClockLength;
import org.jiefen.clocks.UnknownClockException;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.clock}: runs a statutory clock of the catalog on the case ({@link CaseClocks}).
 *
 * <p>Headers: {@code action} = {@code start} | {@code stop} | {@code overdue} | {@code pause} |
 * {@code resume} | {@code extend} (and {@code warn}, which only records the warning on the
 * timeline); {@code clock} = a catalog id ({@code jiefen.clocks.<id>}); {@code var} = the prefix of
 * the variables answered. {@code start} may name in {@code from} the process variable holding the
 * start (an ISO date, taken as the start of that day, or a date-time; a date-time without offset
 * is in the calendar's zone); without it the clock starts now. {@code stop} needs {@code outcome}
 * = MET | EXPIRED | STOPPED. {@code extend} takes {@code by} (e.g. {@code 10d}; default the
 * catalog's max-extension) and the variables {@code extensionReason} and {@code
 * extensionApprovedBy} when present. {@code pause} takes its reason from the variable {@code
 * pauseReason} or the header {@code reason}.
 *
 * <p>Answers, for {@code start}, {@code resume} and {@code extend}: {@code <var>Due} and {@code
 * <var>Warn}, ISO-8601 instants for timers written {@code =date and time(<var>Due)}. {@code
 * <var>Due} is the end of the last day (00:00 of the next day in Asia/Shanghai); a clock without a
 * warning answers its due instant as {@code <var>Warn}. Other actions answer nothing.
 *
 * <p>Failures: an unknown action or clock, a missing header or variable, or a clock the case does
 * not have become an incident at once; Elasticsearch trouble is retried with backoff; an extension
 * beyond the catalog's max-extension throws the BPMN error {@code CLOCK_EXTENSION_REFUSED} (an
 * incident unless the model catches it). Retries change nothing twice: the job's element instance
 * identifies the start or extension it asked for.
 *
 * <p>Variables fetched: {@code caseId}, {@code clockFrom} (the deploy step maps the variable named
 * by {@code from} into it), {@code extensionReason}, {@code extensionApprovedBy}, {@code pauseReason}.
 */
@Component
public class ClockWorker {

  static final String TYPE = "jiefen.clock";
  public static final String EXTENSION_REFUSED = "CLOCK_EXTENSION_REFUSED";
  static final String FROM = "clockFrom";
  private static final Set<String> ACTIONS = Set.of("start", "stop", "overdue", "warn", "pause", "resume", "extend");
  private static final Set<String> ANSWERING = Set.of("start", "resume", "extend");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final CaseClocks clocks;
  private final ClockCatalog catalog;
  private final CalendarService calendar;

  ClockWorker(CaseClocks clocks, ClockCatalog catalog, CalendarService calendar) {
    this.clocks = clocks;
    this.catalog = catalog;
    this.calendar = calendar;
  }

  @JobWorker(type = TYPE, fetchVariables = {"caseId", FROM, "extensionReason", "extensionApprovedBy", "pauseReason"})
  public Map<String, Object> run(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String action = headers.get("action");
    String clockId = headers.get("clock");
    String var = headers.get("var");
    if (action == null || !ACTIONS.contains(action)) {
      throw JobFailures.incident("unknown clock action '" + action + "' on " + job.getElementId()
          + "; the action header is one of start, stop, overdue, warn, pause, resume, extend");
    }
    try {
      catalog.get(clockId);
    } catch (UnknownClockException e) {
      throw JobFailures.incident(e.getMessage() + " (task " + job.getElementId() + ")");
    }
    if (ANSWERING.contains(action) && (var == null || !VARIABLE.matcher(var).matches())) {
      throw JobFailures.incident("the clock task " + job.getElementId() + " needs a var header (a variable prefix"
          + " such as decision) for the " + action + " action");
    }
    String caseId = JobFailures.caseId(job);
    Map<String, Object> variables = job.getVariablesAsMap();
    String key = Long.toString(job.getElementInstanceKey());
    CaseClock clock = switch (action) {
      case "start" -> {
        Instant start = start(job, headers.get("from"), variables.get(FROM));
        yield JobFailures.guard(job, () -> clocks.start(caseId, clockId, start, key));
      }
      case "stop" -> {
        String outcome = headers.get("outcome");
        if (outcome == null || !Set.of(CaseClock.MET, CaseClock.EXPIRED, CaseClock.STOPPED).contains(outcome)) {
          throw JobFailures.incident("the clock task " + job.getElementId()
              + " needs an outcome header: MET, EXPIRED or STOPPED");
        }
        yield JobFailures.guard(job, () -> clocks.stop(caseId, clockId, outcome));
      }
      case "overdue" -> JobFailures.guard(job, () -> clocks.overdue(caseId, clockId));
      case "warn" -> JobFailures.guard(job, () -> clocks.warn(caseId, clockId));
      case "pause" -> {
        String reason = text(variables.get("pauseReason"), headers.get("reason"));
        yield JobFailures.guard(job, () -> clocks.pause(caseId, clockId, reason));
      }
      case "resume" -> JobFailures.guard(job, () -> clocks.resume(caseId, clockId));
      case "extend" -> extend(job, caseId, clockId, key, headers.get("by"), variables);
      default -> throw new IllegalStateException(action);
    };
    if (!ANSWERING.contains(action)) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(var + "Due", clock.due().toString());
    out.put(var + "Warn", (clock.warnAt() != null ? clock.warnAt() : clock.due()).toString());
    return out;
  }

  private CaseClock extend(
      ActivatedJob job, String caseId, String clockId, String key, String byHeader, Map<String, Object> variables) {
    ClockLength by;
    try {
      by = byHeader == null || byHeader.isBlank() ? null : ClockLength.parse(byHeader);
    } catch (IllegalArgumentException e) {
      throw JobFailures.incident("the by header of " + job.getElementId() + ": " + e.getMessage());
    }
    String reason = text(variables.get("extensionReason"), null);
    String approvedBy = text(variables.get("extensionApprovedBy"), null);
    AtomicReference<ExtensionRefusedException> refused = new AtomicReference<>();
    CaseClock clock = JobFailures.guard(job, () -> {
      try {
        return clocks.extend(caseId, clockId, by, reason, approvedBy, key);
      } catch (ExtensionRefusedException e) {
        refused.set(e);
        return null;
      }
    });
    if (refused.get() != null) {
      throw CamundaError.bpmnError(EXTENSION_REFUSED, refused.get().getMessage());
    }
    return clock;
  }

  /** The start the model names, or now when it names none. */
  private Instant start(ActivatedJob job, String fromHeader, Object value) {
    if (fromHeader == null || fromHeader.isBlank()) {
      return null;
    }
    if (value == null || value.toString().isBlank()) {
      throw JobFailures.incident("the variable " + fromHeader.strip() + " named by the from header of "
          + job.getElementId() + " has no value");
    }
    try {
      return instant(value.toString().strip(), calendar.zone());
    } catch (DateTimeParseException e) {
      throw JobFailures.incident("the variable " + fromHeader.strip() + " of " + job.getElementId()
          + " is not an ISO date or date-time: " + value);
    }
  }

  /** An ISO date (its first instant), a date-time with offset or zone, or a local date-time in {@code zone}. */
  static Instant instant(String text, java.time.ZoneId zone) {
    if (DATE.matcher(text).matches()) {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    }
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    return ((LocalDateTime) parsed).atZone(zone).toInstant();
  }

  private static String text(Object variable, String fallback) {
    if (variable != null && !variable.toString().isBlank()) {
      return variable.toString();
    }
    return fallback;
  }
}
