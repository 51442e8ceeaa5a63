package org.jiefen.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A changeable copy of a {@link CasePetition}, for the read-modify-writes of the petition services. */
final class PetitionDraft {

  String petitionKind;
  boolean confidential;
  List<String> accusedHashes;
  String handlingUnitCode;
  String reviewUnitCode;
  String reReviewUnitCode;
  Instant assignDue;
  List<CasePetition.Objection> objections;
  List<CasePetition.Supervision> supervisions;
  String owner;
  String ownerName;
  Instant ownedSince;
  String rating;
  String mediationCaseId;
  boolean closedFinal;

  PetitionDraft(CasePetition p) {
    petitionKind = p.petitionKind();
    confidential = p.confidential();
    accusedHashes = p.accusedHashes();
    handlingUnitCode = p.handlingUnitCode();
    reviewUnitCode = p.reviewUnitCode();
    reReviewUnitCode = p.reReviewUnitCode();
    assignDue = p.assignDue();
    objections = p.objections() == null ? new ArrayList<>() : new ArrayList<>(p.objections());
    supervisions = p.supervisions() == null ? new ArrayList<>() : new ArrayList<>(p.supervisions());
    owner = p.owner();
    ownerName = p.ownerName();
    ownedSince = p.ownedSince();
    rating = p.rating();
    mediationCaseId = p.mediationCaseId();
    closedFinal = p.closedFinal();
  }

  CasePetition build() {
    return new CasePetition(petitionKind, confidential, accusedHashes, handlingUnitCode, reviewUnitCode,
        reReviewUnitCode, assignDue, List.copyOf(objections), List.copyOf(supervisions), owner, ownerName, ownedSince,
        rating, mediationCaseId, closedFinal);
  }
}
