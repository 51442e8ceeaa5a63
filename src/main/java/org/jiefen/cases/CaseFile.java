package org.jiefen.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The stored case file. ID and phone numbers exist only as cipher text, masked copy and keyed hash.
 * {@code createdByUnit} is the registering user's unit (their intake queue); {@code duplicates}
 * are cases found at intake with the same party and similar text; {@code level} is the level the
 * case has reached and {@code currentUnitCode} the unit working it now. {@code documents} are the
 * generated documents, {@code clocks} the statutory clocks, {@code confirmation} the court
 * confirmation of the agreement, {@code evidence} the evidence attached by staff, {@code archivedAt}
 * when the archive took the closed file (its record, bundle and retention: {@code org.jiefen.archive}).
 */
public record CaseFile(
    String id,
    String queryCode,
    String kind,
    String title,
    String description,
    String category,
    BigDecimal amount,
    String channel,
    String unitCode,
    List<String> unitPath,
    String status,
    String level,
    String currentUnitCode,
    Long processInstanceKey,
    String createdBy,
    String createdByUnit,
    Instant created,
    Instant updated,
    List<StoredParty> parties,
    List<String> duplicates,
    List<String> links,
    CaseAgreement agreement,
    String outcome,
    Instant closed,
    Integer durationDays,
    Integer satisfaction,
    List<CaseDocument> documents,
    List<CaseClock> clocks,
    CaseConfirmation confirmation,
    CasePetition petition,
    List<CaseEvidence> evidence,
    Instant archivedAt) {

  public record StoredParty(
      String name,
      String role,
      String idMasked,
      String idCipher,
      String idHash,
      String phoneMasked,
      String phoneCipher,
      String phoneHash,
      String email) {}
}
