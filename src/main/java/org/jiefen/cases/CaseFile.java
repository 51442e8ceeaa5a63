package org.jiefen.cases;

import java.time.Instant;
import java.util.List;

/** The stored case file. ID and phone numbers exist only as cipher text, masked copy and keyed hash. */
public record CaseFile(
    String id,
    String queryCode,
    String kind,
    String title,
    String description,
    String category,
    String channel,
    String unitCode,
    List<String> unitPath,
    String status,
    String level,
    String currentUnitCode,
    Long processInstanceKey,
    String createdBy,
    Instant created,
    Instant updated,
    List<StoredParty> parties,
    String outcome) {

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
