package org.jiefen.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case as the API shows it: masked numbers only, with its timeline. {@code duplicates} and
 * {@code links} list only the cases the reader may see; {@code petition} is a petition's part,
 * without the accused's hashes.
 */
public record CaseView(
    String id,
    String queryCode,
    String kind,
    String title,
    String description,
    String category,
    java.math.BigDecimal amount,
    String channel,
    String unitCode,
    String status,
    String level,
    String currentUnitCode,
    Instant created,
    Instant updated,
    List<PartyView> parties,
    List<String> duplicates,
    List<String> links,
    CaseAgreement agreement,
    String outcome,
    Instant closed,
    Integer durationDays,
    Integer satisfaction,
    List<CaseDocument> documents,
    List<ClockView> clocks,
    CaseConfirmation confirmation,
    PetitionView petition,
    List<CaseEvidence> evidence,
    List<CaseEvent> timeline,
    Instant archivedAt) {

  public record PartyView(String name, String role, String idNumber, String phone, String email) {}

  static CaseView of(CaseFile c, List<String> duplicates, List<String> links, PetitionView petition,
      List<CaseEvent> timeline, List<ClockView> clocks) {
    return new CaseView(
        c.id(),
        c.queryCode(),
        c.kind(),
        c.title(),
        c.description(),
        c.category(),
        c.amount(),
        c.channel(),
        c.unitCode(),
        c.status(),
        c.level(),
        c.currentUnitCode(),
        c.created(),
        c.updated(),
        c.parties().stream()
            .map(p -> new PartyView(p.name(), p.role(), p.idMasked(), p.phoneMasked(), p.email()))
            .toList(),
        duplicates,
        links,
        c.agreement(),
        c.outcome(),
        c.closed(),
        c.durationDays(),
        c.satisfaction(),
        c.documents() == null ? List.of() : c.documents(),
        clocks,
        c.confirmation(),
        petition,
        c.evidence() == null ? List.of() : c.evidence(),
        timeline,
        c.archivedAt());
  }
}
