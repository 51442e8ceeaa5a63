package org.jiefen.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.springframework.stereotype.Service;

/**
 * Hands a petition to people's mediation: registers a mediation case for the same parties,
 * linked both ways, and starts its process.
 *
 * <p>The parties are copied as stored: names, masked copies, keyed hashes and the encrypted ID and
 * phone numbers, which are never decrypted on the way. The new case's id is reserved in the
 * petition's file ({@code petition.mediationCaseId}) before the case is written, so a retry finds
 * the case the first attempt made and never registers a second one.
 */
@Service
public class MediationReferrals {

  /** The channel of a mediation case that came from a petition. */
  public static final String CHANNEL = "petition";

  private final CaseRepository cases;
  private final PetitionFile petitions;
  private final CaseNumbers numbers;
  private final ProcessStarter starter;
  private final CaseTimeline timeline;
  private final UnitDirectory units;
  private final Clock clock;

  MediationReferrals(CaseRepository cases, PetitionFile petitions, CaseNumbers numbers, ProcessStarter starter,
      CaseTimeline timeline, UnitDirectory units, Clock clock) {
    this.cases = cases;
    this.petitions = petitions;
    this.numbers = numbers;
    this.starter = starter;
    this.timeline = timeline;
    this.units = units;
    this.clock = clock;
  }

  /**
   * The mediation case of the petition at {@code unitCode}: registered and started on the first
   * call, found on later ones. A confidential report (检举控告) is refused: its parties and text
   * must not reach a case that others see.
   */
  public String refer(String petitionId, String unitCode) {
    Unit unit = units.find(unitCode).orElseThrow(() -> new IllegalArgumentException("no unit " + unitCode));
    for (int attempt = 0; ; attempt++) {
      CaseFile petition = petitions.modify(petitionId, (file, p) -> {
        if (p.confidential()) {
          throw new IllegalArgumentException("petition " + petitionId + " is a confidential report; it cannot go to mediation");
        }
        if (p.mediationCaseId() != null) {
          return PetitionFile.Change.of(p);
        }
        PetitionDraft d = new PetitionDraft(p);
        d.mediationCaseId = numbers.caseId(CaseKind.MEDIATION);
        return PetitionFile.Change.of(d.build());
      });
      String id = petition.petition().mediationCaseId();
      CaseFile mediation = mediationCase(id, petition, unit);
      if (!cases.create(mediation)) {
        CaseFile existing = cases.find(id).orElseThrow(() -> new IllegalStateException("case " + id + " vanished"));
        if (existing.links() == null || !existing.links().contains(petitionId)) {
          // the random id was taken by another case: reserve a new one
          if (attempt >= 5) {
            throw new IllegalStateException("no free case id for the mediation of " + petitionId);
          }
          petitions.modify(petitionId, (file, p) -> {
            if (!id.equals(p.mediationCaseId())) {
              return PetitionFile.Change.of(p);
            }
            PetitionDraft d = new PetitionDraft(p);
            d.mediationCaseId = null;
            return PetitionFile.Change.of(d.build());
          });
          continue;
        }
        mediation = existing;
      }
      cases.modify(petitionId, file -> {
        List<String> links = file.links() == null ? new ArrayList<>() : new ArrayList<>(file.links());
        if (links.contains(id)) {
          return Map.of();
        }
        links.add(id);
        return Map.of("links", links, "updated", clock.instant().toString());
      });
      timeline.record(id, "referred-from-" + petitionId, "CASE_REGISTERED",
          "信访事项 " + petitionId + " 转入人民调解：" + mediation.title(), "system", unit.code());
      timeline.record(petitionId, "referred-to-mediation", "PETITION_REFERRED_TO_MEDIATION",
          "经当事人同意，转" + unit.name() + "人民调解，调解案件编号 " + id, "system", unit.code());
      if (CaseStatus.REGISTERED.equals(mediation.status())) {
        // when the engine is away, the starter's sweeper starts it later
        starter.start(mediation);
      }
      return id;
    }
  }

  private CaseFile mediationCase(String id, CaseFile petition, Unit unit) {
    Instant now = clock.instant();
    String category = petition.category() != null && petition.category().matches(NewCase.CATEGORY)
        // a petition's category outside the mediation categories becomes other
        ? petition.category() : "other";
    return new CaseFile(id, numbers.queryCode(), "mediation", petition.title(), petition.description(), category,
        petition.amount(), CHANNEL, unit.code(), unit.path(), CaseStatus.REGISTERED, unit.level().name(), unit.code(),
        null, "system", unit.code(), now, now, petition.parties(), List.of(), List.of(petition.id()), null, null, null,
        null, null, List.of(), List.of(), null, null, List.of(), null);
  }
}
