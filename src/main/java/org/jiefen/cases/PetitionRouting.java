package org.jiefen.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jiefen.pii.Masking;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.springframework.stereotype.Service;

/**
 * Where a petition is handled, reviewed (复查) and re-reviewed (复核), in the case file: the
 * petition's units, the case's {@code currentUnitCode} (the unit working it now, which gives that
 * unit's staff sight of the case) and one timeline entry per move.
 *
 * <p>Idempotent: setting the units a file already has changes nothing, and the timeline keeps one
 * entry per {@code key} (the job's element instance). A return is recognised as done when the
 * file no longer names the objecting unit as handling unit and its last objection is that unit's.
 */
@Service
public class PetitionRouting {

  /** How the handling unit was chosen (信访工作条例 Art. 22). */
  public enum Move {
    /** The registering office handles the matter itself. */
    SELF,
    /** 转送: sent to the body with the power to handle it. */
    FORWARD,
    /** 交办: sent with a deadline and a report of completion (办结报告) due back. */
    ASSIGN
  }

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PetitionFile petitions;
  private final CaseTimeline timeline;
  private final UnitDirectory units;
  private final Clock clock;

  PetitionRouting(PetitionFile petitions, CaseTimeline timeline, UnitDirectory units, Clock clock) {
    this.petitions = petitions;
    this.timeline = timeline;
    this.units = units;
    this.clock = clock;
  }

  /**
   * The matter is handled at {@code unitCode}, which from now on works the case.
   *
   * @param assignDue for {@link Move#ASSIGN}: the end of the last day the office set, or null when it set none
   */
  public CasePetition handledBy(String caseId, String key, Move move, String unitCode, Instant assignDue) {
    Unit unit = unit(unitCode);
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      PetitionDraft d = new PetitionDraft(p);
      d.handlingUnitCode = unit.code();
      if (move == Move.ASSIGN) {
        d.assignDue = assignDue;
      }
      return new PetitionFile.Change(d.build(), unit.code());
    });
    String summary = switch (move) {
      case SELF -> "由" + unit.name() + "受理办理";
      case FORWARD -> "转送" + unit.name() + "办理（《信访工作条例》第二十二条）";
      case ASSIGN -> "交办" + unit.name() + "办理，"
          + (assignDue == null ? "未另定期限，按信访事项办理期限办结" : "限" + lastDay(assignDue) + "前办结")
          + "并报送办结报告（《信访工作条例》第二十二条）";
    };
    timeline.record(caseId, "petition-route-" + key, "PETITION_" + (move == Move.SELF ? "HANDLED" : move.name() + "ED"),
        summary, "system", unit.code());
    return file.petition();
  }

  /**
   * The handling unit objected that the matter is outside its remit (Art. 23): the objection is
   * recorded, the file has no handling unit any more, and the registering office works the case
   * again. {@code reason} is what the unit wrote (masked here again; it is shown to users).
   */
  public CasePetition returned(String caseId, String key, String objectingUnitCode, String reason) {
    Unit unit = unit(objectingUnitCode);
    String why = reason == null || reason.isBlank() ? null : clip(Masking.maskText(reason.strip()));
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      boolean handling = unit.code().equals(p.handlingUnitCode());
      List<CasePetition.Objection> objections = p.objections() == null ? List.of() : p.objections();
      boolean done = !handling && !objections.isEmpty() && unit.code().equals(objections.getLast().unitCode());
      if (done) {
        return PetitionFile.Change.of(p);
      }
      PetitionDraft d = new PetitionDraft(p);
      d.handlingUnitCode = null;
      d.assignDue = null;
      d.objections.add(new CasePetition.Objection(unit.code(), why, clock.instant()));
      return new PetitionFile.Change(d.build(), current.unitCode());
    });
    timeline.record(caseId, "petition-route-" + key, "PETITION_RETURNED",
        unit.name() + "认为不属于本机关职权范围，提出异议并退回" + (why == null ? "" : "：" + why) + "（《信访工作条例》第二十三条）",
        "system", unit.code());
    return file.petition();
  }

  /** The request for review (复查, Art. 35) goes to {@code unitCode}, which works the case now. */
  public CasePetition reviewBy(String caseId, String key, String unitCode) {
    Unit unit = unit(unitCode);
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      PetitionDraft d = new PetitionDraft(p);
      d.reviewUnitCode = unit.code();
      return new PetitionFile.Change(d.build(), unit.code());
    });
    timeline.record(caseId, "petition-route-" + key, "PETITION_REVIEW",
        "信访人请求复查，由" + unit.name() + "复查（《信访工作条例》第三十五条）", "system", unit.code());
    return file.petition();
  }

  /** The request for re-review (复核, Art. 36) goes to {@code unitCode}, which works the case now. */
  public CasePetition reReviewBy(String caseId, String key, String unitCode) {
    Unit unit = unit(unitCode);
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      PetitionDraft d = new PetitionDraft(p);
      d.reReviewUnitCode = unit.code();
      return new PetitionFile.Change(d.build(), unit.code());
    });
    timeline.record(caseId, "petition-route-" + key, "PETITION_RE_REVIEW",
        "信访人请求复核，由" + unit.name() + "复核（《信访工作条例》第三十六条）", "system", unit.code());
    return file.petition();
  }

  /** The case's petition as the file has it (empty parts for a case registered without one). */
  public CasePetition of(String caseId) {
    CasePetition p = petitions.find(caseId).petition();
    return p == null ? PetitionFile.empty() : p;
  }

  private Unit unit(String code) {
    return units.find(code).orElseThrow(() -> new IllegalArgumentException("no unit " + code));
  }

  static String lastDay(Instant due) {
    return due.minusSeconds(1).atZone(CHINA).toLocalDate().format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
  }

  static String clip(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
