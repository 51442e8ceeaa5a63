package org.jiefen.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers the jobs of processes/petition/Petition.bpmn and PetitionSupervision.bpmn as the real
 * workers promise to in the petition contract (their own tests hold them to it): route, supervise,
 * own, rating, mediation referral, clock, document, close and mail. What was asked is kept for
 * assertions.
 *
 * <p>The clock here counts calendar days, the objection clock's 5 working days included: the real
 * worker ({@code ClockWorker}) counts working days on the holiday calendar, which is not what these
 * tests are about. A start day is not counted and a clock is due at the end of its last day
 * (00:00 of the next day in Asia/Shanghai), as in the real one; a pause pushes the due date by the
 * days from the pause's day to the resume's day.
 */
final class PetitionFakes {

  static final String CITY = "440300000000";
  static final String COUNTY = "440306000000";
  static final String TOWN = "440306001000";
  static final String LABOUR_BUREAU = "440306900001";
  static final String HOUSING_BUREAU = "440306900002";
  static final String PROVINCE = "440000000000";

  /** The unit tree as the route and supervise workers walk it: a department's unit above is its district. */
  static final Map<String, String> PARENT = Map.of(
      TOWN, COUNTY, LABOUR_BUREAU, COUNTY, HOUSING_BUREAU, COUNTY, COUNTY, CITY, CITY, PROVINCE);

  static final List<Map<String, Object>> UNIT_OPTIONS = List.of(
      Map.of("label", "区人力资源局", "value", LABOUR_BUREAU),
      Map.of("label", "区住房和建设局", "value", HOUSING_BUREAU),
      Map.of("label", "新安街道", "value", TOWN));

  static final Set<String> JOB_TYPES = Set.of(
      "jiefen.notify.mail", "jiefen.clock", "jiefen.document.generate", "jiefen.case.close",
      "jiefen.petition.route", "jiefen.petition.rating", "jiefen.petition.supervise", "jiefen.petition.own",
      "jiefen.petition.mediation");

  /** The contract's mail templates, and the due variables a {@code due} header may name. */
  static final Set<String> TEMPLATES = Set.of(
      "petition-registered", "petition-not-accepted", "petition-legal-channel", "petition-accepted",
      "petition-forwarded", "petition-returned", "petition-clock-warning", "petition-overdue", "petition-extended",
      "petition-opinion", "petition-review-decided", "petition-final", "petition-referred-to-mediation");
  static final Set<String> DUE_VARIABLES = Set.of(
      "triageDue", "objectionDue", "handlingDue", "reviewWindowDue", "reviewDue", "reReviewWindowDue", "reReviewDue");

  static final String MEDIATION_CASE = "MD-20261122-REFER";

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Map<String, Integer> DAYS = Map.of(
      "petition-triage", 15, "petition-objection", 5, "petition-handling", 60, "petition-review-request", 30,
      "petition-review", 30, "petition-re-review-request", 30, "petition-re-review", 30);
  private static final Map<String, Integer> WARN_BEFORE = Map.of(
      "petition-triage", 3, "petition-objection", 2, "petition-handling", 12, "petition-review-request", 5,
      "petition-review", 6, "petition-re-review-request", 5, "petition-re-review", 6);
  static final int EXTENSION_DAYS = 30;

  private final EngineHarness harness;
  /** Clock actions asked: "start petition-triage", "stop petition-objection STOPPED", "pause petition-re-review", ... */
  final List<String> clocks = new ArrayList<>();
  /** Route moves asked, with the unit they answered: "self 440306001000", "review 440306000000", "options". */
  final List<String> moves = new ArrayList<>();
  /** Documents asked: "petition-opinion ← Task_Handle". */
  final List<String> documents = new ArrayList<>();
  /** Ratings written: "Task_AfterOpinion satisfied" ("-" when the task was never completed). */
  final List<String> ratings = new ArrayList<>();
  /** Supervisions recorded: "petition-handling @440306001000 → 440306000000". */
  final List<String> supervisions = new ArrayList<>();
  /** Ownerships recorded (包案). */
  int ownerships;
  int mediationReferrals;
  String closedAs;
  /** The texts the clock worker would record with an extension and a pause. */
  final List<String> extensionReasons = new ArrayList<>();
  final List<String> pauseReasons = new ArrayList<>();
  /** The assignment deadline the route worker was given with an assignment. */
  Object assignDue;
  /** When set, an extension beyond the catalog's maximum: the worker throws CLOCK_EXTENSION_REFUSED. */
  boolean refuseExtensions;

  private final Map<String, Instant> due = new HashMap<>();
  private final Map<String, Instant> pausedAt = new HashMap<>();

  PetitionFakes(EngineHarness harness) {
    this.harness = harness;
  }

  /** The job's answer, or null when the job throws the BPMN error CLOCK_EXTENSION_REFUSED. */
  Map<String, Object> answer(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Map<String, String> h = job.getCustomHeaders();
    assertThat(v.get("caseId")).as("caseId on " + job.getElementId()).isEqualTo(PetitionDriver.CASE_ID);
    return switch (job.getType()) {
      case "jiefen.clock" -> clock(job, h, v);
      case "jiefen.petition.route" -> route(job, h.get("move"), v);
      case "jiefen.document.generate" -> {
        assertThat(h.get("record")).as("record header of " + job.getElementId()).isNotBlank();
        documents.add(h.get("document") + " ← " + h.get("record"));
        yield Map.of("documentSha", "0".repeat(64));
      }
      case "jiefen.case.close" -> {
        assertThat(closedAs).as("closed once").isNull();
        closedAs = h.get("outcome");
        yield Map.of();
      }
      case "jiefen.petition.rating" -> {
        ratings.add(h.get("record") + " " + (v.get("satisfaction") == null ? "-" : v.get("satisfaction")));
        yield Map.of();
      }
      case "jiefen.petition.supervise" -> {
        String unit = (String) v.get("unitCode");
        String clockId = (String) v.get("clockId");
        assertThat(clockId).as("clockId of the supervision").isIn(DAYS.keySet());
        String above = PARENT.get(unit);
        assertThat(above).as("unit above " + unit).isNotNull();
        supervisions.add(clockId + " @" + unit + " → " + above);
        yield Map.of("supervisorUnitCode", above);
      }
      case "jiefen.petition.own" -> {
        assertThat(v.get("takeOwnership")).isEqualTo(true);
        ownerships++;
        yield Map.of();
      }
      case "jiefen.petition.mediation" -> {
        mediationReferrals++;
        yield Map.of("mediationCaseId", MEDIATION_CASE);
      }
      default -> throw new IllegalArgumentException("no fake for " + job.getType());
    };
  }

  /** The route worker's contract: handlingUnitCode, reviewUnitCode, reReviewUnitCode, unitOptions. */
  private Map<String, Object> route(ActivatedJob job, String move, Map<String, Object> v) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (move) {
      case "options" -> {
        moves.add("options");
        out.put("unitOptions", UNIT_OPTIONS);
        return out;
      }
      case "self" -> out.put("handlingUnitCode", v.get("unitCode"));
      case "forward", "assign" -> {
        assertThat(v.get("targetUnitCode")).as("the unit the triage chose").isInstanceOf(String.class);
        if (move.equals("assign")) {
          assertThat(v.get("assignDue")).as("an assignment's deadline").isNotNull();
          assignDue = v.get("assignDue");
        }
        out.put("handlingUnitCode", v.get("targetUnitCode"));
      }
      case "return" -> {
        moves.add("return " + v.get("handlingUnitCode"));
        out.put("handlingUnitCode", null);
        return out;
      }
      case "review" -> out.put("reviewUnitCode", PARENT.get((String) v.get("handlingUnitCode")));
      case "re-review" -> out.put("reReviewUnitCode", PARENT.get((String) v.get("reviewUnitCode")));
      default -> throw new IllegalArgumentException("unknown move " + move + " on " + job.getElementId());
    }
    moves.add(move + " " + out.values().iterator().next());
    return out;
  }

  private Map<String, Object> clock(ActivatedJob job, Map<String, String> h, Map<String, Object> v) {
    String action = h.get("action");
    String id = h.get("clock");
    assertThat(DAYS).as("catalog clock of " + job.getElementId()).containsKey(id);
    clocks.add(action + " " + id + (h.containsKey("outcome") ? " " + h.get("outcome") : ""));
    Map<String, Object> out = new LinkedHashMap<>();
    String var = h.get("var");
    Instant now = harness.engine.now();
    switch (action) {
      case "start" -> {
        assertThat(h).as("the model starts its clocks now").doesNotContainKey("from");
        due.put(id, now.atZone(ZONE).toLocalDate().plusDays(DAYS.get(id) + 1).atStartOfDay(ZONE).toInstant());
        pausedAt.remove(id);
      }
      case "extend" -> {
        extensionReasons.add((String) v.get("extensionReason"));
        if (refuseExtensions) {
          return null;
        }
        due.put(id, due.get(id).plus(EXTENSION_DAYS, ChronoUnit.DAYS));
      }
      case "pause" -> {
        pauseReasons.add((String) v.get("pauseReason"));
        pausedAt.put(id, now);
      }
      case "resume" -> {
        LocalDate from = pausedAt.remove(id).atZone(ZONE).toLocalDate();
        long days = ChronoUnit.DAYS.between(from, now.atZone(ZONE).toLocalDate());
        due.put(id, due.get(id).plus(days, ChronoUnit.DAYS));
      }
      case "stop" -> assertThat(h.get("outcome")).isIn("MET", "EXPIRED", "STOPPED");
      case "overdue" -> {}
      default -> throw new IllegalArgumentException("unknown clock action " + action);
    }
    if (Set.of("start", "extend", "resume").contains(action)) {
      assertThat(var).as("var header of " + job.getElementId()).isNotBlank();
      Instant d = due.get(id);
      out.put(var + "Due", d.toString());
      out.put(var + "Warn", d.minus(Duration.ofDays(WARN_BEFORE.get(id))).toString());
    }
    return out;
  }

  static Instant dueAfter(Instant start, int days) {
    return start.atZone(ZONE).toLocalDate().plusDays(days + 1L).atStartOfDay(ZONE).toInstant();
  }
}
