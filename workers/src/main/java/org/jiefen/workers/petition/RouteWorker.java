package org.jiefen.workers.petition;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.Agreements;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.cases.PetitionRouting;
import org.jiefen.petition.PetitionUnits;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.petition.route}: moves a petition between units (信访工作条例 Art. 22, 23, 35, 36).
 * Header {@code move}:
 *
 * <ul>
 *   <li>{@code options}: answers {@code unitOptions}, the label/value list of the units the
 *       triaging office ({@code unitCode}) may forward or assign to ({@link PetitionUnits#targets});
 *       labels are unit names. Nothing is written.
 *   <li>{@code self}: the office handles the matter; answers {@code handlingUnitCode = unitCode}.
 *   <li>{@code forward} (转送) / {@code assign} (交办): to {@code targetUnitCode}, which must be one
 *       of the office's options; answers {@code handlingUnitCode}. {@code assign} also records the
 *       deadline {@code assignDue} (an ISO date, due at the end of that day in China, or an ISO
 *       date-time; none when missing).
 *   <li>{@code return}: the handling unit ({@code handlingUnitCode}, else the file's) objected; the
 *       objection is recorded with the reason the unit wrote in the task named by header {@code
 *       record} (default {@code Task_ConfirmCompetence}, field {@code reason}), the file has no
 *       handling unit and the office works the case again; answers {@code handlingUnitCode = ""}
 *       (cleared: the client drops null variables).
 *   <li>{@code review}: answers {@code reviewUnitCode}, the unit above the handling unit.
 *   <li>{@code re-review}: answers {@code reReviewUnitCode}, the unit above the review unit.
 * </ul>
 *
 * <p>Every move except {@code options} is written to the case file (the petition's units and the
 * case's {@code currentUnitCode}) and its timeline, once per element instance. An unknown move, a
 * missing variable or a target outside the options is an incident; Elasticsearch trouble is
 * retried.
 */
@Component
public class RouteWorker {

  static final String DEFAULT_OBJECTION_RECORD = "Task_ConfirmCompetence";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PetitionRouting routing;
  private final PetitionUnits units;
  private final CaseTimeline timeline;

  RouteWorker(PetitionRouting routing, PetitionUnits units, CaseTimeline timeline) {
    this.routing = routing;
    this.units = units;
    this.timeline = timeline;
  }

  @JobWorker(
      type = "jiefen.petition.route",
      fetchVariables = {"caseId", "unitCode", "targetUnitCode", "assignDue", "handlingUnitCode", "reviewUnitCode"})
  public Map<String, Object> route(ActivatedJob job) {
    String move = PetitionJobs.header(job, "move");
    if (move == null || !List.of("options", "self", "forward", "assign", "return", "review", "re-review").contains(move)) {
      throw JobFailures.incident("the route task " + job.getElementId()
          + " needs a move header: options, self, forward, assign, return, review or re-review");
    }
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    String key = PetitionJobs.key(job);
    String office = PetitionJobs.text(v, "unitCode");
    return JobFailures.guard(job, () -> switch (move) {
      case "options" -> Map.of("unitOptions", units.targets(required(office, "unitCode")));
      case "self" -> {
        routing.handledBy(caseId, key, PetitionRouting.Move.SELF, required(office, "unitCode"), null);
        yield Map.of("handlingUnitCode", office);
      }
      case "forward", "assign" -> {
        String target = target(PetitionJobs.text(v, "targetUnitCode"), units.targets(required(office, "unitCode")));
        boolean assign = move.equals("assign");
        Instant due = assign ? assignDue(PetitionJobs.text(v, "assignDue")) : null;
        routing.handledBy(caseId, key, assign ? PetitionRouting.Move.ASSIGN : PetitionRouting.Move.FORWARD, target, due);
        yield Map.of("handlingUnitCode", target);
      }
      case "return" -> {
        String objecting = handlingUnit(caseId, PetitionJobs.text(v, "handlingUnitCode"));
        String record = PetitionJobs.header(job, "record");
        String reason = PetitionJobs.field(
            PetitionJobs.record(timeline, caseId, record == null ? DEFAULT_OBJECTION_RECORD : record), "reason");
        routing.returned(caseId, key, objecting, reason);
        yield Map.of("handlingUnitCode", "");
      }
      case "review" -> {
        String above = units.above(handlingUnit(caseId, PetitionJobs.text(v, "handlingUnitCode"))).code();
        routing.reviewBy(caseId, key, above);
        yield Map.of("reviewUnitCode", above);
      }
      case "re-review" -> {
        String reviewUnit = PetitionJobs.text(v, "reviewUnitCode");
        if (reviewUnit == null) {
          reviewUnit = routing.of(caseId).reviewUnitCode();
        }
        String above = units.above(required(reviewUnit, "reviewUnitCode")).code();
        routing.reReviewBy(caseId, key, above);
        yield Map.of("reReviewUnitCode", above);
      }
      default -> throw new IllegalStateException(move);
    });
  }

  private String handlingUnit(String caseId, String variable) {
    return required(variable != null ? variable : routing.of(caseId).handlingUnitCode(), "handlingUnitCode");
  }

  /** The chosen target, which must be one of the office's options (a typed-in code reaches no further). */
  static String target(String chosen, List<Agreements.Option> options) {
    if (chosen == null) {
      throw new IllegalArgumentException("forward and assign need the targetUnitCode the triage chose");
    }
    if (options.stream().noneMatch(o -> o.value().equals(chosen))) {
      throw new IllegalArgumentException("unit " + chosen + " is not among the units this office may forward or assign to");
    }
    return chosen;
  }

  /** The end of the day an assignment is due: an ISO date (its end in China) or an ISO date-time; null for none. */
  static Instant assignDue(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value).plusDays(1).atStartOfDay(CHINA).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("assignDue must be an ISO date or date-time, not '" + value + "'");
      }
    }
  }

  private static String required(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("the route needs the variable " + name);
    }
    return value;
  }
}
