package org.jiefen.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiefen.pii.PiiProtector;
import org.jiefen.users.AppUser;
import org.springframework.stereotype.Component;

/**
 * What registering a petition adds to registering a case: the petition part of the file (kind,
 * confidentiality, the accused as keyed hashes), the intake record (channel, the visit record of a
 * visit, the 12345 work order), and repeat petitions (重复信访): earlier petitions of the same person
 * or the same matter within the window, and matters closed for good after re-review at any age.
 */
@Component
class PetitionIntake {

  static final String REPEAT_PETITION = "REPEAT_PETITION";
  static final String CLOSED_FINAL_MATTER = "CLOSED_FINAL_MATTER";

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final PiiProtector pii;
  private final RepeatPetitionSettings settings;

  PetitionIntake(CaseRepository cases, CaseTimeline timeline, PiiProtector pii, RepeatPetitionSettings settings) {
    this.cases = cases;
    this.timeline = timeline;
    this.pii = pii;
    this.settings = settings;
  }

  /** A petition ready to be filed: its part of the file, what intake recorded, the earlier petitions found. */
  record Prepared(CasePetition petition, Map<String, Object> record, List<CaseRepository.Repeat> repeats) {

    /** The earlier petitions, as the file lists them in {@code duplicates} and {@code links}. */
    List<String> earlier() {
      return repeats.stream().map(CaseRepository.Repeat::id).toList();
    }
  }

  Prepared prepare(NewCase request, List<CaseFile.StoredParty> parties, String text, AppUser registrar, Instant now) {
    boolean report = "report".equals(request.petitionKind());
    boolean confidential = request.confidential() == null ? report : request.confidential();
    // Keyed hashes only, once per name: the names themselves are never stored (Art. 28).
    List<String> accused = request.accused() == null ? List.of()
        : List.copyOf(new LinkedHashSet<>(request.accused().stream().map(pii::nameHash).toList()));
    CasePetition petition = new CasePetition(request.petitionKind(), confidential, accused, null, null, null, null,
        List.of(), List.of(), null, null, null, null, null, false);

    List<String> hashes = parties.stream()
        .flatMap(p -> java.util.stream.Stream.of(p.idHash(), p.phoneHash()))
        .filter(Objects::nonNull)
        .toList();
    List<CaseRepository.Repeat> repeats =
        cases.petitionRepeats(hashes, text, now.minus(settings.window()), settings.matterMatch());
    return new Prepared(petition, record(request, registrar, confidential, accused.size(), now), repeats);
  }

  /**
   * The registration's record on the timeline (data of the {@code CASE_REGISTERED} event): kind,
   * channel, confidentiality, how many are accused (never who), the visit record, the work order.
   */
  private static Map<String, Object> record(NewCase request, AppUser registrar, boolean confidential, int accused,
      Instant now) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("petitionKind", request.petitionKind());
    record.put("channel", request.channel());
    record.put("confidential", confidential);
    if (accused > 0) {
      record.put("accusedCount", accused);
    }
    NewCase.Visit v = request.visit();
    if (v != null) {
      Map<String, Object> visit = new LinkedHashMap<>();
      // the API requires both; a caller inside the app (demo data) may leave them to registration
      Instant at = v.visitedAt() == null ? now : v.visitedAt().toInstant();
      int visitors = v.visitors() == null ? 1 : v.visitors();
      visit.put("visitors", visitors);
      visit.put("visitedAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
      visit.put("groupVisit", visitors >= NewCaseRules.GROUP_VISIT);
      if (v.representatives() != null) {
        visit.put("representatives", v.representatives());
      }
      visit.put("receivedBy",
          v.receivedBy() == null || v.receivedBy().isBlank() ? registrar.displayName() : v.receivedBy().strip());
      record.put("visit", visit);
    }
    if (request.hotlineOrder() != null) {
      record.put("hotlineOrder", request.hotlineOrder());
    }
    return record;
  }

  /**
   * Says on the new petition's timeline what intake found, before its process starts (the triage
   * clerk reads it): repeat petitions, and matters closed for good after re-review, which are not
   * accepted again on the same facts and reasons (Art. 36). Counts only: the earlier cases are
   * listed in the file, and each reader sees those their scope allows.
   */
  void recordRepeats(CaseFile file, Prepared prepared) {
    List<CaseRepository.Repeat> repeats = prepared.repeats();
    if (repeats.isEmpty()) {
      return;
    }
    long samePerson = repeats.stream().filter(CaseRepository.Repeat::samePerson).count();
    long similar = repeats.stream().filter(CaseRepository.Repeat::similarMatter).count();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("earlier", repeats.size());
    counts.put("samePerson", samePerson);
    counts.put("similarMatter", similar);
    List<String> reasons = new ArrayList<>();
    if (samePerson > 0) {
      reasons.add(samePerson + " 件同一信访人");
    }
    if (similar > 0) {
      reasons.add(similar + " 件相同或相近事项");
    }
    timeline.recordUnseen(file.id(), "repeat-petition", REPEAT_PETITION,
        "疑似重复信访：已有 " + repeats.size() + " 件在先信访事项（" + String.join("，", reasons) + "），已列入关联事项",
        "system", file.unitCode(), counts);
    long closedFinal = repeats.stream().filter(CaseRepository.Repeat::closedFinal).count();
    if (closedFinal > 0) {
      timeline.recordUnseen(file.id(), "closed-final-matter", CLOSED_FINAL_MATTER,
          "本事项与 " + closedFinal + " 件已经复核终结的信访事项相同或相近，请核查：信访人仍以同一事实和理由提出投诉请求的，"
              + "不再受理（《信访工作条例》第三十六条）",
          "system", file.unitCode(), Map.of("closedFinal", closedFinal));
    }
  }
}
