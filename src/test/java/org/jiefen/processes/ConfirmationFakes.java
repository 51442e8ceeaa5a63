package org.jiefen.processes;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the jobs of processes/confirmation/CourtConfirmation.bpmn as the real workers promise to
 * (their contracts are tested in the worker and API tests): the confirmation record worker, the
 * clock worker (calendar days here; the real one knows holidays) and the document worker. What was
 * asked is kept for assertions.
 */
final class ConfirmationFakes {

  static final List<String> JOB_TYPES = List.of("jiefen.confirmation.record", "jiefen.clock", "jiefen.document.generate");
  static final String COURT = "深圳市宝安区人民法院";

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Map<String, Integer> DAYS =
      Map.of("confirmation-application", 30, "court-acceptance", 3, "court-decision", 15);
  private static final Map<String, Integer> WARN_BEFORE =
      Map.of("confirmation-application", 5, "court-acceptance", 1, "court-decision", 3);

  private final EngineHarness harness;
  private final String courtUnit;
  /** Statuses the record worker was asked to write, in order. */
  final List<String> statuses = new ArrayList<>();
  /** Clock actions: "start court-acceptance", "stop confirmation-application EXPIRED", ... */
  final List<String> clocks = new ArrayList<>();
  /** Documents generated. */
  final List<String> documents = new ArrayList<>();

  ConfirmationFakes(EngineHarness harness, String courtUnit) {
    this.harness = harness;
    this.courtUnit = courtUnit;
  }

  Map<String, Object> answer(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Map<String, String> h = job.getCustomHeaders();
    return switch (job.getType()) {
      case "jiefen.confirmation.record" -> record(h.get("status"));
      case "jiefen.clock" -> clock(h, v);
      case "jiefen.document.generate" -> {
        documents.add(h.get("document"));
        yield Map.of("documentSha", "0".repeat(64));
      }
      default -> throw new IllegalArgumentException(job.getType());
    };
  }

  private Map<String, Object> record(String status) {
    statuses.add(status);
    return switch (status) {
      case "WAITING_APPLICATION" -> Map.of("court", COURT, "courtUnitCode", courtUnit,
          "agreementEffective", harness.engine.now().toString());
      case "REFUSED" -> Map.of("confirmationResult", "refused");
      case "DECLINED" -> Map.of("confirmationResult", "declined");
      case "EXPIRED" -> Map.of("confirmationResult", "expired");
      case "CONFIRMED" -> Map.of("confirmationResult", "confirmed");
      case "REJECTED", "NOT_ACCEPTED" -> Map.of("confirmationResult", "rejected");
      default -> Map.of();
    };
  }

  private Map<String, Object> clock(Map<String, String> h, Map<String, Object> v) {
    String action = h.get("action");
    String id = h.get("clock");
    clocks.add(action + " " + id + (h.containsKey("outcome") ? " " + h.get("outcome") : ""));
    Map<String, Object> out = new LinkedHashMap<>();
    String var = h.get("var");
    switch (action) {
      case "start" -> {
        Instant from = harness.engine.now();
        if (h.get("from") != null && v.get(h.get("from")) instanceof String s) {
          from = s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZONE).toInstant() : Instant.parse(s);
        }
        // Start day not counted; due at the end of the last day.
        Instant due = from.atZone(ZONE).toLocalDate().plusDays(DAYS.get(id) + 1).atStartOfDay(ZONE).toInstant();
        out.put(var + "Due", due.toString());
        out.put(var + "Warn", due.minus(Duration.ofDays(WARN_BEFORE.get(id))).toString());
      }
      case "extend" -> {
        Instant due = Instant.parse((String) v.get(var + "Due")).plus(10, ChronoUnit.DAYS);
        out.put(var + "Due", due.toString());
        out.put(var + "Warn", due.minus(Duration.ofDays(WARN_BEFORE.get(id))).toString());
      }
      default -> {}
    }
    return out;
  }
}
