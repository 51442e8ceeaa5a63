package org.jiefen.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jiefen.pii.Masking;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.springframework.stereotype.Service;

/**
 * Supervision (督办) of a petition whose clock ran out, and a leader's ownership (包案) of it.
 *
 * <p>A supervision is identified by its clock, the supervised unit and the clock's due instant: a
 * clock run goes red once, so a retried job finds the supervision it opened. Closing and taking
 * ownership find the latest open supervision of the clock at the supervising unit; once closed, a
 * retry finds none and changes nothing. Ownership by the same leader again keeps the first date.
 */
@Service
public class PetitionSupervisions {

  private final PetitionFile petitions;
  private final CaseTimeline timeline;
  private final UnitDirectory units;
  private final Clock clock;

  PetitionSupervisions(PetitionFile petitions, CaseTimeline timeline, UnitDirectory units, Clock clock) {
    this.petitions = petitions;
    this.timeline = timeline;
    this.units = units;
    this.clock = clock;
  }

  /**
   * Opens a supervision of {@code supervisedUnitCode} by {@code supervisorUnitCode} because the
   * case's clock {@code clockId} ran out; its due instant comes from the case's clocks (null when
   * the case has no such clock).
   */
  public CasePetition.Supervision open(
      String caseId, String key, String clockId, String supervisedUnitCode, String supervisorUnitCode) {
    Unit supervised = unit(supervisedUnitCode);
    Unit supervisor = unit(supervisorUnitCode);
    AtomicReference<CasePetition.Supervision> opened = new AtomicReference<>();
    AtomicReference<CaseClock> ranOut = new AtomicReference<>();
    petitions.modify(caseId, (file, p) -> {
      CaseClock caseClock = clockOf(file, clockId);
      ranOut.set(caseClock);
      Instant due = caseClock == null ? null : caseClock.due();
      Optional<CasePetition.Supervision> existing = p.supervisions().stream()
          .filter(s -> clockId.equals(s.clockId()) && supervised.code().equals(s.supervisedUnitCode())
              && Objects.equals(due, s.due()))
          .findFirst();
      if (existing.isPresent()) {
        opened.set(existing.get());
        return PetitionFile.Change.of(p);
      }
      CasePetition.Supervision s = new CasePetition.Supervision(clockId, supervisor.code(), supervised.code(), due,
          clock.instant(), null, null, null);
      opened.set(s);
      PetitionDraft d = new PetitionDraft(p);
      d.supervisions.add(s);
      return PetitionFile.Change.of(d.build());
    });
    CasePetition.Supervision s = opened.get();
    CaseClock c = ranOut.get();
    String what = c == null ? clockId : c.label();
    long days = daysLate(s);
    String late = s.due() == null ? "已届满，" : "已于" + PetitionRouting.lastDay(s.due()) + "届满，" + (days > 0 ? "逾期" + days + "日，" : "");
    timeline.record(caseId, "petition-supervision-" + key, "PETITION_SUPERVISED",
        supervised.name() + "的" + what + late + "由" + supervisor.name() + "督办", "system", supervisor.code());
    return s;
  }

  /**
   * The leader {@code username} of {@code supervisorUnitCode} took ownership (包案) of the case
   * when answering the supervision of {@code clockId} (null: the latest open one at that unit),
   * which closes with their instruction.
   */
  public CasePetition own(String caseId, String key, String clockId, String supervisorUnitCode, String username,
      String displayName, String instruction) {
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      PetitionDraft d = new PetitionDraft(p);
      boolean closed = close(d, clockId, supervisorUnitCode, username, instruction);
      boolean newOwner = !username.equals(p.owner());
      if (newOwner) {
        d.owner = username;
        d.ownerName = displayName;
        d.ownedSince = clock.instant();
      }
      return closed || newOwner ? PetitionFile.Change.of(d.build()) : PetitionFile.Change.of(p);
    });
    CasePetition p = file.petition();
    Unit supervisor = unit(supervisorUnitCode);
    timeline.record(caseId, "petition-own-" + key, "PETITION_OWNED",
        (p.ownerName() == null ? username : p.ownerName()) + "（" + supervisor.name() + "）包案办理本信访事项", username,
        supervisor.code());
    return p;
  }

  /** Closes the supervision without ownership: the leader gave an instruction only. */
  public CasePetition close(String caseId, String key, String clockId, String supervisorUnitCode, String username,
      String instruction) {
    CaseFile file = petitions.modify(caseId, (current, p) -> {
      PetitionDraft d = new PetitionDraft(p);
      return close(d, clockId, supervisorUnitCode, username, instruction) ? PetitionFile.Change.of(d.build())
          : PetitionFile.Change.of(p);
    });
    Unit supervisor = unit(supervisorUnitCode);
    timeline.record(caseId, "petition-supervision-closed-" + key, "PETITION_SUPERVISION_ANSWERED",
        supervisor.name() + "作出督办意见" + (instruction == null || instruction.isBlank() ? "" : "：" + text(instruction)),
        username, supervisor.code());
    return file.petition();
  }

  private boolean close(PetitionDraft d, String clockId, String supervisorUnitCode, String username,
      String instruction) {
    Optional<CasePetition.Supervision> open = d.supervisions.stream()
        .filter(s -> s.closed() == null && supervisorUnitCode.equals(s.supervisorUnitCode())
            && (clockId == null || clockId.equals(s.clockId())))
        .max(Comparator.comparing(CasePetition.Supervision::opened));
    if (open.isEmpty()) {
      return false;
    }
    CasePetition.Supervision s = open.get();
    d.supervisions.set(d.supervisions.indexOf(s), new CasePetition.Supervision(s.clockId(), s.supervisorUnitCode(),
        s.supervisedUnitCode(), s.due(), s.opened(), instruction == null || instruction.isBlank() ? null : text(instruction),
        username, clock.instant()));
    return true;
  }

  /** Whole days between the due instant and the opening, at least 0 (a supervision opened on the due minute is 0 days late). */
  static long daysLate(CasePetition.Supervision s) {
    return s.due() == null ? 0 : Math.max(0, Duration.between(s.due(), s.opened()).toDays());
  }

  private static CaseClock clockOf(CaseFile file, String clockId) {
    List<CaseClock> clocks = file.clocks() == null ? List.of() : file.clocks();
    return clocks.stream().filter(c -> clockId.equals(c.id())).findFirst().orElse(null);
  }

  private static String text(String s) {
    return PetitionRouting.clip(Masking.maskText(s.strip()));
  }

  private Unit unit(String code) {
    return units.find(code).orElseThrow(() -> new IllegalArgumentException("no unit " + code));
  }
}
