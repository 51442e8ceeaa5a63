package org.jiefen.cases;

import java.time.Instant;
import java.util.List;

/**
 * A mediation agreement as the case file keeps it (人民调解法 Art. 28-31): what the mediator
 * recorded, who has signed and when, and when it took effect, i.e. when the last signature came
 * in (Art. 30). {@code reopened} is set when a follow-up found it unperformed and mediation resumed.
 */
public record CaseAgreement(
    String facts,
    String terms,
    String performanceMethod,
    String performBy,
    String recordedBy,
    String unitCode,
    Instant recorded,
    List<Signer> signers,
    Instant effective,
    Instant reopened) {

  /** A required signature: {@code id} is {@code party-<index>} or {@code mediator}. */
  public record Signer(String id, String label, String signedOn, Instant recorded) {

    boolean signed() {
      return recorded != null;
    }
  }

  boolean allSigned() {
    return !signers.isEmpty() && signers.stream().allMatch(Signer::signed);
  }
}
