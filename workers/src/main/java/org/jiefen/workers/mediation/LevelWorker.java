package org.jiefen.workers.mediation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.Agreements;
import org.jiefen.cases.CaseProgress;
import org.jiefen.mediation.MediationLevels;
import org.jiefen.units.Unit;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.mediation.level}: moves a mediation case between levels. The {@code move} header
 * says how: {@code start} at the level triage chose, {@code choose} the mediator the parties
 * picked (Art. 19), {@code up} one level after failure or the deadline, {@code reopen} at the same
 * level after a follow-up found the agreement unperformed. Entering a level gives fresh attempts,
 * a deadline and a warning instant; {@code up} from the top level answers {@code topReached}. The
 * deadline of each level is the model's ({@code villageDeadline}, {@code townDeadline},
 * {@code countyDeadline}, set by its start event), or the configured one for instances without it.
 */
@Component
public class LevelWorker {

  private final MediationLevels levels;
  private final CaseProgress progress;
  private final Agreements agreements;

  LevelWorker(MediationLevels levels, CaseProgress progress, Agreements agreements) {
    this.levels = levels;
    this.progress = progress;
    this.agreements = agreements;
  }

  @JobWorker(
      type = "jiefen.mediation.level",
      fetchVariables = {"caseId", "unitCode", "originUnitCode", "startLevel", "chosenMediator", "escalationReason",
          "villageDeadline", "townDeadline", "countyDeadline"})
  public Map<String, Object> move(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    String caseId = (String) v.get("caseId");
    String move = job.getCustomHeaders().get("move");
    if (caseId == null || move == null) {
      throw JobFailures.incident("the level task needs the caseId variable and a move header");
    }
    String key = "level-" + job.getElementInstanceKey();
    return JobFailures.guard(job, () -> switch (move) {
      case "start" -> {
        Unit unit = levels.start((String) v.get("originUnitCode"), (String) v.get("startLevel"));
        yield enter(v, caseId, key, unit, "LEVEL_ENTERED", "进入" + name(unit) + "调解");
      }
      case "choose" -> choose(caseId, key, (String) v.get("unitCode"), (String) v.get("chosenMediator"));
      case "up" -> {
        Optional<Unit> above = levels.above((String) v.get("unitCode"));
        if (above.isEmpty()) {
          yield Map.of("topReached", true);
        }
        String reason = "deadline".equals(v.get("escalationReason")) ? "本级调解期限届满" : "本级调解未能达成协议";
        yield enter(v, caseId, key, above.get(), "ESCALATED", reason + "，升级至" + name(above.get()));
      }
      case "reopen" -> {
        agreements.reopened(caseId);
        Unit unit = levels.unit((String) v.get("unitCode"));
        yield enter(v, caseId, key, unit, "REOPENED", "回访发现协议未履行，在" + name(unit) + "重新调解");
      }
      default -> throw JobFailures.incident("unknown move '" + move + "'");
    });
  }

  private Map<String, Object> enter(
      Map<String, Object> v, String caseId, String key, Unit unit, String type, String summary) {
    // The level's deadline comes from the model's start event (the version this case started on).
    MediationLevels.Level level = levels.enter(unit, v.get(MediationLevels.deadlineVariable(unit.level())));
    progress.moved(caseId, key, type, level.level(), unit.code(), summary);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unitCode", unit.code());
    out.put("level", level.level());
    out.put("attempts", 0);
    out.put("levelDue", level.due().toString());
    out.put("levelWarn", level.warn().toString());
    // "" rather than null: a null would not overwrite the chosen mediator of the level below
    out.put("levelMediator", "");
    out.put("levelResult", "open");
    out.put("topReached", false);
    out.put("mediatorOptions", levels.mediators(unit.code()));
    return out;
  }

  /** Only a mediator of the level's unit can be chosen; anything else is noted and ignored. */
  private Map<String, Object> choose(String caseId, String key, String unitCode, String chosen) {
    if (chosen == null || chosen.isBlank()) {
      return Map.of("levelMediator", "");
    }
    if (!levels.isMediatorOf(chosen, unitCode)) {
      progress.note(caseId, key, "MEDIATOR_CHOICE_IGNORED", "所选调解员不属于本调解组织，改由本级调解员认领", unitCode);
      return Map.of("levelMediator", "");
    }
    progress.note(caseId, key, "MEDIATOR_CHOSEN", "当事人选择调解员 " + chosen, unitCode);
    return Map.of("levelMediator", chosen);
  }

  /** 海旺社区人民调解委员会, 新安街道人民调解委员会, 宝安区人民调解中心. */
  static String name(Unit unit) {
    return unit.name() + (unit.level().ordinal() <= org.jiefen.units.UnitLevel.COUNTY.ordinal() ? "人民调解中心" : "人民调解委员会");
  }
}
