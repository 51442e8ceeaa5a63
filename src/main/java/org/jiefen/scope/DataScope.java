package org.jiefen.scope;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jiefen.pii.PiiProtector;
import org.jiefen.search.Indices;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.springframework.stereotype.Component;

/**
 * The one place that says what a user may see. Queries get {@link #caseFilter}/{@link #taskFilter}
 * added, single reads are checked with {@link #sees(AppUser, CaseAccess)} and
 * {@link #sees(AppUser, TaskAccess)}; both rest on the unit path stored with each case and task
 * (the codes from the root down to its unit) and, for petitions, on the rules below.
 *
 * <p><b>The unit tree.</b> A user sees the cases and tasks of their unit and the units below it,
 * and the cases currently addressed to their unit (a petition forwarded to a department, a
 * mediation escalated to a street).
 *
 * <p><b>Accused.</b> A user named as accused by a petition (a keyed hash of their display name,
 * whole or any of its parts, among its {@code accusedHashes}) never sees it or its tasks,
 * whatever their role and unit (信访工作条例 Art. 28).
 *
 * <p><b>Confidential petitions</b> (reports unless the registrar said otherwise) replace the tree
 * with the people in charge: the petition clerks of the registering office (it triages, and asks
 * the petitioner about review and rating afterwards), of the handling unit, and of the review and
 * re-review units once the matter reaches them; the leaders (supervisors) of the handling unit,
 * who approve an extension (Art. 34); the leaders of a unit supervising the case (督办) while the
 * supervision is open; and the leader who took ownership (包案). Nobody else: not the units above
 * by the tree, not intake clerks, mediators, liaisons or administrators. Their tasks are seen only
 * by the users the task is for (a candidate group or user, the assignee), who completed it, or who
 * owns the case (包案, shown on its tasks), who must also be in the task's scope by the tree.
 */
@Component
public class DataScope {

  // Most accusations a task list excludes at once; more would mean a data problem, not a user.
  private static final int MAX_ACCUSING_CASES = 10_000;

  private final UnitDirectory units;
  private final PiiProtector pii;
  private final ElasticsearchClient es;
  private final Indices indices;

  DataScope(UnitDirectory units, PiiProtector pii, ElasticsearchClient es, Indices indices) {
    this.units = units;
    this.pii = pii;
    this.es = es;
    this.indices = indices;
  }

  /** Whether the user sees this case. */
  public boolean sees(AppUser user, CaseAccess c) {
    CaseAccess.Petition p = c.petition();
    if (p != null && namedAsAccused(user, p.accusedHashes())) {
      return false;
    }
    if (p != null && p.confidential()) {
      return inCharge(user, p);
    }
    return sees(user, c.unitPath(), c.currentUnitCode());
  }

  /** Whether the user sees this task (see the class comment for confidential cases). */
  public boolean sees(AppUser user, TaskAccess t) {
    if (!sees(user, t.unitPath(), t.unitCode())) {
      return false;
    }
    if (t.confidential() && !involved(user, t)) {
      return false;
    }
    return t.caseId() == null || !namedAsAccusedIn(user, t.caseId());
  }

  /**
   * Whether the user sees a case or task at a unit with this path, currently addressed to {@code
   * currentUnit}, by the unit tree alone. Cases of petitions must go through {@link #sees(AppUser,
   * CaseAccess)}.
   */
  public boolean sees(AppUser user, List<String> unitPath, String currentUnit) {
    if (unitPath != null && unitPath.contains(user.unitCode())) {
      return true;
    }
    return user.unitCode().equals(currentUnit);
  }

  /** Whether the unit is the user's own or below it. */
  public boolean covers(AppUser user, String unitCode) {
    return units.find(unitCode).map(Unit::path).map(p -> p.contains(user.unitCode())).orElse(false);
  }

  /** Whether a report names the user as accused: a keyed hash of their display name (or a part of it) is among its hashes. */
  public boolean namedAsAccused(AppUser user, Collection<String> accusedHashes) {
    if (accusedHashes == null || accusedHashes.isEmpty()) {
      return false;
    }
    return pii.displayNameHashes(user.displayName()).stream().anyMatch(accusedHashes::contains);
  }

  /** Filter for the cases index: the same rules as {@link #sees(AppUser, CaseAccess)}. */
  public Query caseFilter(AppUser user) {
    Query confidential = Query.of(q -> q.term(t -> t.field("petition.confidential").value(true)));
    Query byTree = Query.of(q -> q.bool(b -> b.mustNot(confidential).filter(scoped(user, "unitPath", "currentUnitCode"))));
    Query inCharge = Query.of(q -> q.bool(b -> b.filter(confidential).filter(inChargeQuery(user))));
    return Query.of(q -> q.bool(b -> {
      b.should(byTree).should(inCharge).minimumShouldMatch("1");
      Set<String> hashes = pii.displayNameHashes(user.displayName());
      if (!hashes.isEmpty()) {
        b.mustNot(m -> m.terms(t -> t.field("petition.accusedHashes").terms(v -> v.value(values(hashes)))));
      }
      return b;
    }));
  }

  /** Filter for the task index: the same rules as {@link #sees(AppUser, TaskAccess)}. */
  public Query taskFilter(AppUser user) {
    Query confidential = Query.of(q -> q.term(t -> t.field("confidential").value(true)));
    List<String> accusing = casesNaming(user, null);
    return Query.of(q -> q.bool(b -> {
      b.filter(scoped(user, "unitPath", "unitCode"));
      b.filter(f -> f.bool(c -> c.should(s -> s.bool(n -> n.mustNot(confidential))).should(involvedQuery(user))
          .minimumShouldMatch("1")));
      if (!accusing.isEmpty()) {
        b.mustNot(m -> m.terms(t -> t.field("caseId").terms(v -> v.value(values(accusing)))));
      }
      return b;
    }));
  }

  /** The path of a unit, for documents that store it. Unknown units have an empty path (visible to no one). */
  public List<String> pathOf(String unitCode) {
    return units.find(unitCode).map(Unit::path).orElse(List.of());
  }

  private static boolean inCharge(AppUser user, CaseAccess.Petition p) {
    String unit = user.unitCode();
    if (user.has(Role.PETITION_CLERK)
        && Stream.of(p.registeringUnitCode(), p.handlingUnitCode(), p.reviewUnitCode(), p.reReviewUnitCode())
            .anyMatch(unit::equals)) {
      return true;
    }
    if (user.has(Role.SUPERVISOR) && (unit.equals(p.handlingUnitCode()) || p.supervisingUnitCodes().contains(unit))) {
      return true;
    }
    return user.username().equals(p.owner());
  }

  private static Query inChargeQuery(AppUser user) {
    String unit = user.unitCode();
    List<Query> any = new ArrayList<>();
    if (user.has(Role.PETITION_CLERK)) {
      for (String field : List.of("unitCode", "petition.handlingUnitCode", "petition.reviewUnitCode",
          "petition.reReviewUnitCode")) {
        any.add(term(field, unit));
      }
    }
    if (user.has(Role.SUPERVISOR)) {
      any.add(term("petition.handlingUnitCode", unit));
      any.add(Query.of(q -> q.nested(n -> n.path("petition.supervisions").query(s -> s.bool(b -> b
          .filter(term("petition.supervisions.supervisorUnitCode", unit))
          .mustNot(m -> m.exists(e -> e.field("petition.supervisions.closed"))))))));
    }
    any.add(term("petition.owner", user.username()));
    return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
  }

  private static boolean involved(AppUser user, TaskAccess t) {
    Set<String> groups = user.groups();
    return (t.candidateGroups() != null && t.candidateGroups().stream().anyMatch(groups::contains))
        || (t.candidateUsers() != null && t.candidateUsers().contains(user.username()))
        || user.username().equals(t.assignee())
        || user.username().equals(t.endedBy())
        || user.username().equals(t.owner());
  }

  private static Query involvedQuery(AppUser user) {
    List<String> groups = user.groups().stream().sorted().toList();
    return Query.of(q -> q.bool(b -> b
        .should(s -> s.terms(t -> t.field("candidateGroups").terms(v -> v.value(values(groups)))))
        .should(term("candidateUsers", user.username()))
        .should(term("assignee", user.username()))
        .should(term("endedBy", user.username()))
        .should(term("owner", user.username()))
        .minimumShouldMatch("1")));
  }

  private boolean namedAsAccusedIn(AppUser user, String caseId) {
    return !casesNaming(user, caseId).isEmpty();
  }

  /**
   * Ids of the cases that name the user as accused (only {@code caseId} when given). Registration
   * of a petition naming anyone waits until the case is searchable, so there is no moment in which
   * its tasks exist and this misses it.
   */
  private List<String> casesNaming(AppUser user, String caseId) {
    Set<String> hashes = pii.displayNameHashes(user.displayName());
    if (hashes.isEmpty()) {
      return List.of();
    }
    var response = unchecked(() -> es.search(s -> s.index(indices.cases())
        .size(caseId == null ? MAX_ACCUSING_CASES : 1)
        .source(src -> src.fetch(false))
        .query(q -> q.bool(b -> {
          b.filter(f -> f.terms(t -> t.field("petition.accusedHashes").terms(v -> v.value(values(hashes)))));
          if (caseId != null) {
            b.filter(f -> f.ids(i -> i.values(caseId)));
          }
          return b;
        })), Object.class));
    return response.hits().hits().stream().map(Hit::id).filter(Objects::nonNull).toList();
  }

  private static Query scoped(AppUser user, String pathField, String currentField) {
    Query subtree = term(pathField, user.unitCode());
    Query addressed = term(currentField, user.unitCode());
    return Query.of(q -> q.bool(b -> b.should(subtree).should(addressed).minimumShouldMatch("1")));
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
  }

  private static List<FieldValue> values(Collection<String> values) {
    return values.stream().map(FieldValue::of).collect(Collectors.toList());
  }
}
