package org.jiefen.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jiefen.pii.Masking;
import org.springframework.stereotype.Service;

/**
 * Court confirmation (司法确认) in the case file: each step of the process writes the status and
 * what the court liaison or mediator recorded ({@code data}: the form data of the task named in the
 * model), plus one timeline entry per step. Idempotent per {@code key} (the BPMN element instance),
 * so a retried job changes nothing twice.
 */
@Service
public class Confirmations {

  /** Statuses as the model's record steps name them (header {@code status}). */
  public enum Step {
    REFUSED, WAITING_APPLICATION, DECLINED, EXPIRED, SUBMITTED, ACCEPTED, NOT_ACCEPTED, EXTENDED, CONFIRMED,
    REJECTED, CHOICE
  }

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;

  Confirmations(CaseRepository cases, CaseTimeline timeline, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** When the case's agreement took effect (the window's start), or empty when it has not. */
  public Optional<Instant> agreementEffective(String caseId) {
    CaseFile file = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    return Optional.ofNullable(file.agreement()).map(CaseAgreement::effective);
  }

  /**
   * Writes one step. {@code court} is the competent court when the window opens; {@code reason}
   * the exclusion reason of a refusal; {@code data} the recorded form of the step's task (court,
   * dates, case and ruling numbers, reasons, the parties' choice), empty when there is none.
   */
  public CaseConfirmation record(String caseId, Step step, String key, String court, String reason,
      Map<String, Object> data) {
    Instant now = clock.instant();
    CaseConfirmation[] written = new CaseConfirmation[1];
    CaseFile file = cases.modify(caseId, current -> {
      CaseConfirmation before = current.confirmation();
      CaseConfirmation next = next(before, step, court, reason, data == null ? Map.of() : data, now);
      written[0] = next;
      if (next.equals(before)) {
        return Map.of();
      }
      Map<String, Object> fields = new HashMap<>();
      fields.put("confirmation", next);
      fields.put("updated", now.toString());
      return fields;
    });
    CaseConfirmation c = written[0] == null ? file.confirmation() : written[0];
    timeline.record(caseId, "confirmation-" + key, "CONFIRMATION_" + step.name(), summary(step, c), "system",
        file.currentUnitCode());
    return c;
  }

  private static CaseConfirmation next(CaseConfirmation b, Step step, String court, String reason,
      Map<String, Object> data, Instant now) {
    String status = b == null ? null : b.status();
    String courtName = b == null ? null : b.court();
    String why = b == null ? null : b.reason();
    Instant applied = b == null ? null : b.applied();
    Instant accepted = b == null ? null : b.accepted();
    Instant decided = b == null ? null : b.decided();
    String ruling = b == null ? null : b.ruling();
    String rulingNumber = b == null ? null : b.rulingNumber();
    String after = b == null ? null : b.afterRejection();
    switch (step) {
      case REFUSED -> {
        status = step.name();
        why = reason;
      }
      case WAITING_APPLICATION -> {
        status = step.name();
        courtName = court;
      }
      case DECLINED, EXPIRED -> status = step.name();
      case SUBMITTED -> {
        status = step.name();
        courtName = text(data, "court", courtName);
        applied = day(data, "appliedOn", now);
      }
      case ACCEPTED -> {
        status = step.name();
        accepted = day(data, "acceptedOn", now);
        rulingNumber = text(data, "courtCaseNumber", rulingNumber);
      }
      case NOT_ACCEPTED -> {
        status = step.name();
        decided = day(data, "acceptedOn", now);
        why = text(data, "reason", why);
      }
      case EXTENDED -> status = step.name();
      case CONFIRMED, REJECTED -> {
        status = step.name();
        ruling = step == Step.CONFIRMED ? "confirmed" : "rejected";
        decided = day(data, "decidedOn", now);
        rulingNumber = text(data, "rulingNumber", rulingNumber);
        if (step == Step.REJECTED) {
          why = text(data, "reason", why);
        }
      }
      case CHOICE -> after = text(data, "afterRejection", after);
    }
    Instant updated = b != null && sameButTime(b, status, courtName, why, applied, accepted, decided, ruling,
        rulingNumber, after) ? b.updated() : now;
    return new CaseConfirmation(status, courtName, why, applied, accepted, decided, ruling, rulingNumber,
        after == null ? null : after.toUpperCase(java.util.Locale.ROOT), updated);
  }

  private static boolean sameButTime(CaseConfirmation b, String status, String court, String reason, Instant applied,
      Instant accepted, Instant decided, String ruling, String rulingNumber, String after) {
    return java.util.Objects.equals(b.status(), status) && java.util.Objects.equals(b.court(), court)
        && java.util.Objects.equals(b.reason(), reason) && java.util.Objects.equals(b.applied(), applied)
        && java.util.Objects.equals(b.accepted(), accepted) && java.util.Objects.equals(b.decided(), decided)
        && java.util.Objects.equals(b.ruling(), ruling) && java.util.Objects.equals(b.rulingNumber(), rulingNumber)
        && java.util.Objects.equals(b.afterRejection(), after == null ? null : after.toUpperCase(java.util.Locale.ROOT));
  }

  private static String summary(Step step, CaseConfirmation c) {
    String court = c.court() == null ? "人民法院" : c.court();
    String reason = c.reason() == null || c.reason().isBlank() ? "" : "：" + c.reason();
    String number = c.rulingNumber() == null || c.rulingNumber().isBlank() ? "" : "（" + c.rulingNumber() + "）";
    return switch (step) {
      case REFUSED -> "不予申请司法确认" + reason;
      case WAITING_APPLICATION -> "调解协议已生效，当事人可自生效之日起三十日内共同向" + court + "申请司法确认";
      case DECLINED -> "当事人决定不申请司法确认";
      case EXPIRED -> "申请司法确认的三十日期限届满，当事人未提出申请";
      case SUBMITTED -> "已向" + court + "提交司法确认申请";
      case ACCEPTED -> court + "已受理司法确认申请" + number;
      case NOT_ACCEPTED -> court + "决定不予受理司法确认申请" + reason;
      case EXTENDED -> court + "经院长批准延长审查期限十日";
      case CONFIRMED -> court + "裁定确认调解协议有效" + number;
      case REJECTED -> court + "裁定驳回司法确认申请" + number + reason;
      case CHOICE -> "REMEDIATE".equals(c.afterRejection())
          ? "当事人选择通过调解变更原协议或者达成新的调解协议"
          : "当事人选择向人民法院提起诉讼";
    };
  }

  private static String text(Map<String, Object> data, String key, String fallback) {
    Object value = data.get(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    String s = Masking.maskText(value.toString().strip());
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  /** A date the user recorded, as the start of that day in China; {@code fallback} when absent. */
  private static Instant day(Map<String, Object> data, String key, Instant fallback) {
    Object value = data.get(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.toString().strip()).atStartOfDay(ZONE).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
