package org.jiefen.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jiefen.pii.Masking;
import org.jiefen.web.NotFoundProblem;
import org.springframework.stereotype.Service;

/**
 * Mediation agreements in the case file: the terms as recorded, signatures as they happen, and
 * the moment the agreement takes effect. Called by the mediation process's workers; every call is
 * idempotent, so a retried job changes nothing twice.
 */
@Service
public class Agreements {

  /** A choice in a form's dynamic options: no names, since options travel as process variables. */
  public record Option(String label, String value) {}

  /** What the signing form needs next. */
  public record Signing(boolean allSigned, List<Option> remaining) {}

  private static final Map<String, String> ROLE_LABELS =
      Map.of("applicant", "申请人", "respondent", "被申请人", "third_party", "第三人");

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final Clock clock;

  Agreements(CaseRepository cases, CaseTimeline timeline, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
  }

  /**
   * Records the terms (Art. 29) from the mediator's form data. Every party and the mediator must
   * sign; returns the signers as options for the signing form.
   */
  public List<Option> record(String caseId, Map<String, Object> data, String recordedBy, String unitCode) {
    CaseFile file = file(caseId);
    List<CaseAgreement.Signer> signers = new ArrayList<>();
    for (int i = 0; i < file.parties().size(); i++) {
      CaseFile.StoredParty party = file.parties().get(i);
      String role = ROLE_LABELS.getOrDefault(party.role(), "当事人");
      signers.add(new CaseAgreement.Signer("party-" + i, role + " " + party.name(), null, null));
    }
    signers.add(new CaseAgreement.Signer("mediator", "人民调解员", null, null));
    List<Option> options = signers.stream().map(Agreements::option).toList();
    CaseAgreement agreement =
        new CaseAgreement(
            text(data, "facts"),
            text(data, "terms"),
            text(data, "performanceMethod"),
            text(data, "performBy"),
            recordedBy,
            unitCode,
            clock.instant(),
            signers,
            null,
            null);
    cases.update(caseId, Map.of("agreement", agreement, "updated", clock.instant().toString()));
    timeline.record(caseId, "agreement-" + agreement.recorded().toEpochMilli(), "AGREEMENT_RECORDED",
        "调解协议已制作，待各方签名", recordedBy == null ? "system" : recordedBy, unitCode);
    return options;
  }

  /** Records the signatures given now; the last one makes the agreement complete (Art. 30). */
  public Signing sign(String caseId, Collection<String> signerIds, String signedOn) {
    CaseAgreement agreement = agreement(caseId);
    List<CaseAgreement.Signer> signers = new ArrayList<>();
    List<String> newlySigned = new ArrayList<>();
    for (CaseAgreement.Signer s : agreement.signers()) {
      if (!s.signed() && signerIds.contains(s.id())) {
        signers.add(new CaseAgreement.Signer(s.id(), s.label(), signedOn, clock.instant()));
        newlySigned.add(s.label());
      } else {
        signers.add(s);
      }
    }
    CaseAgreement updated = with(agreement, signers, agreement.effective());
    if (!newlySigned.isEmpty()) {
      cases.update(caseId, Map.of("agreement", updated, "updated", clock.instant().toString()));
      timeline.record(caseId, "signed-" + String.join("-", signerIds.stream().sorted().toList()) + "-" + signedOn,
          "AGREEMENT_SIGNED", Masking.maskText(String.join("、", newlySigned)) + " 已签名", "system", agreement.unitCode());
    }
    List<Option> remaining = new ArrayList<>();
    for (CaseAgreement.Signer s : signers) {
      if (!s.signed()) {
        remaining.add(option(s));
      }
    }
    return new Signing(updated.allSigned(), remaining);
  }

  /** The agreement takes effect: the hook where agreement documents and court confirmation attach. */
  public void effective(String caseId) {
    CaseAgreement agreement = agreement(caseId);
    if (agreement.effective() != null) {
      return;
    }
    if (!agreement.allSigned()) {
      throw new IllegalStateException("agreement of case " + caseId + " is not signed by all");
    }
    CaseAgreement updated = with(agreement, agreement.signers(), clock.instant());
    cases.update(caseId, Map.of("agreement", updated, "updated", clock.instant().toString()));
    timeline.record(caseId, "agreement-effective-" + agreement.recorded().toEpochMilli(), "AGREEMENT_EFFECTIVE",
        "调解协议经各方签名生效", "system", agreement.unitCode());
  }

  /** A follow-up found the agreement unperformed and mediation resumes. */
  public void reopened(String caseId) {
    CaseFile file = file(caseId);
    CaseAgreement a = file.agreement();
    if (a == null || a.reopened() != null) {
      return;
    }
    CaseAgreement updated = new CaseAgreement(a.facts(), a.terms(), a.performanceMethod(), a.performBy(),
        a.recordedBy(), a.unitCode(), a.recorded(), a.signers(), a.effective(), clock.instant());
    cases.update(caseId, Map.of("agreement", updated, "updated", clock.instant().toString()));
  }

  /** e.g. "当事人1（申请人）": the role and number, never the name. */
  private static Option option(CaseAgreement.Signer signer) {
    if (signer.id().equals("mediator")) {
      return new Option("人民调解员", "mediator");
    }
    String role = signer.label().substring(0, signer.label().indexOf(' '));
    return new Option("当事人" + (Integer.parseInt(signer.id().substring(6)) + 1) + "（" + role + "）", signer.id());
  }

  private static CaseAgreement with(CaseAgreement a, List<CaseAgreement.Signer> signers, java.time.Instant effective) {
    return new CaseAgreement(a.facts(), a.terms(), a.performanceMethod(), a.performBy(), a.recordedBy(),
        a.unitCode(), a.recorded(), signers, effective, a.reopened());
  }

  private CaseAgreement agreement(String caseId) {
    CaseAgreement agreement = file(caseId).agreement();
    if (agreement == null) {
      throw new IllegalStateException("case " + caseId + " has no agreement recorded");
    }
    return agreement;
  }

  private CaseFile file(String caseId) {
    return cases.find(caseId).orElseThrow(() -> new NotFoundProblem("no case " + caseId));
  }

  private static String text(Map<String, Object> data, String key) {
    Object value = data.get(key);
    return value == null ? null : value.toString();
  }
}
