package org.jiefen.workers.notification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseClocks;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseLookup;
import org.jiefen.cases.CasePetition;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.petition.PetitionUnits;
import org.jiefen.pii.Masking;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * Gathers the {@link PetitionFacts} of a {@code petition-*} mail from the case file. Free text (a
 * reason) never travels through the engine: it is read here from the task records and the file.
 *
 * <ul>
 *   <li>The clock: variable {@code clockId} (the supervision's), else the one the {@code due}
 *       header implies ({@link #CLOCK_OF_DUE}).
 *   <li>The reason: {@code petition-not-accepted} and {@code petition-legal-channel} the
 *       {@code reason} of the latest {@code Task_Triage} record; {@code petition-returned} the last
 *       objection in the file; {@code petition-extended} the {@code extensionReason} of the latest
 *       {@code Task_Handle} record, else the reason of the handling clock's last extension.
 * </ul>
 */
@Component
class PetitionMailReader {

  /** The clock a petition mail is about, by the variable its {@code due} header names. */
  static final Map<String, String> CLOCK_OF_DUE = Map.of(
      "triageDue", "petition-triage", "objectionDue", "petition-objection", "handlingDue", "petition-handling",
      "reviewWindowDue", "petition-review-request", "reviewDue", "petition-review",
      "reReviewWindowDue", "petition-re-review-request", "reReviewDue", "petition-re-review");

  /** Where a template's reason was recorded: the user task (BPMN element id) and its form field. */
  record RecordField(String elementId, String field) {}

  static final Map<String, RecordField> REASONS = Map.of(
      "petition-not-accepted", new RecordField("Task_Triage", "reason"),
      "petition-legal-channel", new RecordField("Task_Triage", "reason"),
      "petition-extended", new RecordField("Task_Handle", "extensionReason"));

  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final CaseClocks clocks;
  private final UnitDirectory units;
  private final PetitionUnits petitionUnits;

  PetitionMailReader(CaseLookup cases, CaseTimeline timeline, CaseClocks clocks, UnitDirectory units,
      PetitionUnits petitionUnits) {
    this.cases = cases;
    this.timeline = timeline;
    this.clocks = clocks;
    this.units = units;
    this.petitionUnits = petitionUnits;
  }

  /** Whether the template is a petition mail, whose facts this reads. */
  static boolean applies(String template) {
    return template != null && template.startsWith("petition-");
  }

  PetitionFacts read(String caseId, String officeCode, String template, Map<String, Object> variables,
      String dueVariable) {
    CasePetition p = cases.petition(caseId).orElse(null);
    List<CasePetition.Objection> objections = p == null || p.objections() == null ? List.of() : p.objections();
    CasePetition.Objection lastObjection = objections.isEmpty() ? null : objections.getLast();
    String handlingCode = p != null && p.handlingUnitCode() != null ? p.handlingUnitCode()
        : lastObjection != null ? lastObjection.unitCode() : text(variables.get("handlingUnitCode"));

    String clockId = text(variables.get("clockId"));
    if (clockId == null && dueVariable != null) {
      clockId = CLOCK_OF_DUE.get(dueVariable);
    }
    Optional<CaseClock> clock = clockId == null ? Optional.empty() : clocks.find(caseId, clockId);

    String reason = null;
    if (template.equals("petition-returned") && lastObjection != null) {
      reason = lastObjection.reason();
    }
    RecordField where = REASONS.get(template);
    if (where != null) {
      reason = timeline.latestRecord(caseId, where.elementId()).map(CaseEvent::data)
          .map(d -> text(d.get(where.field()))).orElse(null);
    }
    if (reason == null && template.equals("petition-extended")) {
      reason = clocks.find(caseId, "petition-handling").map(CaseClock::extensions)
          .filter(e -> !e.isEmpty()).map(e -> e.getLast().reason()).orElse(null);
    }

    String supervised = null;
    long late = 0;
    if (p != null && p.supervisions() != null && clockId != null) {
      String id = clockId;
      Optional<CasePetition.Supervision> s = p.supervisions().stream().filter(x -> id.equals(x.clockId()))
          .max(Comparator.comparing(CasePetition.Supervision::opened));
      if (s.isPresent()) {
        supervised = name(s.get().supervisedUnitCode());
        late = s.get().due() == null ? 0
            : Math.max(0, java.time.Duration.between(s.get().due(), s.get().opened()).toDays());
      }
    }
    String reviewCode = p == null ? null : p.reviewUnitCode();
    return new PetitionFacts(
        name(handlingCode),
        clockId,
        clock.map(CaseClock::label).orElse(null),
        clock.map(CaseClock::due).orElse(null),
        reason == null ? null : clip(Masking.maskText(reason)),
        supervised,
        late,
        p == null ? null : p.mediationCaseId(),
        above(handlingCode),
        name(reviewCode),
        above(reviewCode),
        name(p == null ? null : p.reReviewUnitCode()),
        name(officeCode));
  }

  private String name(String code) {
    return code == null ? null : units.find(code).map(Unit::name).orElse(null);
  }

  private String above(String code) {
    if (code == null || units.find(code).isEmpty()) {
      return null;
    }
    return petitionUnits.above(code).name();
  }

  private static String text(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().strip();
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }
}
