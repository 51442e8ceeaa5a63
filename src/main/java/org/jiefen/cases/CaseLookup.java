package org.jiefen.cases;

import java.util.List;
import java.util.Optional;
import org.jiefen.pii.Masking;
import org.jiefen.scope.DataScope;
import org.jiefen.users.AppUser;
import org.springframework.stereotype.Service;

/** A case's headline for other features (mail, tasks): no parties, numbers in free text masked. */
@Service
public class CaseLookup {

  /** What another feature may know about a case. */
  public record CaseSummary(String id, String title, String queryCode, String unitCode, String status) {}

  /** A party that can be mailed: the name as registered and the e-mail address, nothing else. */
  public record PartyContact(String name, String email) {}

  /**
   * What mail and other notices call a confidential petition instead of its title: the title of a
   * report usually says whom it accuses, and mail leaves the system.
   */
  public static final String CONFIDENTIAL_TITLE = "保密信访事项";

  private final CaseRepository cases;
  private final DataScope scope;

  CaseLookup(CaseRepository cases, DataScope scope) {
    this.cases = cases;
    this.scope = scope;
  }

  /** The case's headline; a confidential petition's title is {@link #CONFIDENTIAL_TITLE}. */
  public Optional<CaseSummary> summary(String caseId) {
    return cases
        .find(caseId)
        .map(c -> new CaseSummary(c.id(), confidential(c) ? CONFIDENTIAL_TITLE : Masking.maskText(c.title()),
            c.queryCode(), c.unitCode(), c.status()));
  }

  /** What a list of tasks shows about each task's case: title (masked, or hidden when confidential), codes. */
  public record CaseHeadline(String id, String title, String kind, String category, String level) {}

  private static final List<String> HEADLINE_FIELDS =
      List.of("id", "title", "kind", "category", "level", "petition.confidential");

  /**
   * The headlines of these cases in one Elasticsearch request, by case id (unknown ids are left
   * out). The caller has already decided that the reader may see these cases (their tasks are in
   * the reader's scope); a confidential petition's title is {@link #CONFIDENTIAL_TITLE} anyway.
   */
  public java.util.Map<String, CaseHeadline> headlines(java.util.Collection<String> caseIds) {
    java.util.Map<String, CaseHeadline> found = new java.util.HashMap<>();
    for (CaseFile c : cases.findAll(new java.util.LinkedHashSet<>(caseIds), HEADLINE_FIELDS)) {
      found.put(c.id(), new CaseHeadline(c.id(), confidential(c) ? CONFIDENTIAL_TITLE : Masking.maskText(c.title()),
          c.kind(), c.category(), c.level()));
    }
    return found;
  }

  /** Whether the case is a confidential petition: its tasks are then seen only by the people they are for. */
  public boolean confidential(String caseId) {
    return cases.find(caseId).map(CaseLookup::confidential).orElse(false);
  }

  /**
   * Whether this staff member may be told about the case at all: not when the case is a petition
   * that names them as accused (信访工作条例 Art. 28), whatever their role. Notices skip them.
   */
  public boolean mayBeTold(String caseId, AppUser user) {
    return cases.find(caseId)
        .map(c -> c.petition() == null || !scope.namedAsAccused(user, c.petition().accusedHashes()))
        .orElse(true);
  }

  private static boolean confidential(CaseFile c) {
    return c.petition() != null && c.petition().confidential();
  }

  /** The court confirmation of the case's agreement, when there is one: for notices. */
  public Optional<CaseConfirmation> confirmation(String caseId) {
    return cases.find(caseId).map(CaseFile::confirmation);
  }

  /** The petition part of the case file, when the case has one: for notices and the task list. */
  public Optional<CasePetition> petition(String caseId) {
    return cases.find(caseId).map(CaseFile::petition);
  }

  /** The leader who took ownership (包案) of the case: username and display name; empty when nobody has. */
  public Optional<Owner> owner(String caseId) {
    return petition(caseId).filter(p -> p.owner() != null).map(p -> new Owner(p.owner(), p.ownerName()));
  }

  /** A leader who owns a case. */
  public record Owner(String username, String name) {}

  /** The parties of the case that gave an e-mail address, in the order of the file; empty for an unknown case. */
  public List<PartyContact> partyContacts(String caseId) {
    return cases.find(caseId).stream()
        .flatMap(c -> c.parties() == null ? java.util.stream.Stream.empty() : c.parties().stream())
        .filter(p -> p.email() != null && !p.email().isBlank())
        .map(p -> new PartyContact(Masking.maskText(p.name()), p.email().strip()))
        .toList();
  }
}
