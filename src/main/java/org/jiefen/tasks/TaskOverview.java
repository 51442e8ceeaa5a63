package org.jiefen.tasks;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import co.elastic.clients.elasticsearch._types.SortOrder;
import org.jiefen.scope.DataScope;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.jiefen.users.AppUser;
import org.springframework.stereotype.Service;

/**
 * What overviews (the supervision board, the citizen query) need from the task list, read in
 * batches: the colour of each case's open tasks, a unit's supervision (督办) tasks, and the open
 * steps of one case.
 */
@Service
public class TaskOverview {

  /** The process and element of a supervision order (督办), see PetitionSupervision.bpmn. */
  public static final String SUPERVISION_PROCESS = "PetitionSupervision";

  /** The worst colour of a case's open tasks and the earliest due instant among them. */
  public record CaseDue(DueState state, Instant due) {}

  private static final List<FieldValue> OPEN =
      List.of(FieldValue.of(TaskState.CREATED.name()), FieldValue.of(TaskState.ASSIGNED.name()));

  private final ElasticsearchClient es;
  private final Indices indices;
  private final DataScope scope;
  private final Clock clock;

  TaskOverview(ElasticsearchClient es, Indices indices, DataScope scope, Clock clock) {
    this.es = es;
    this.indices = indices;
    this.scope = scope;
    this.clock = clock;
  }

  /**
   * For each of the cases that has open tasks with a due date: the worst {@link DueState} among
   * them and their earliest due instant. One aggregation for all cases: per case the earliest due
   * and the earliest follow-up date of its open tasks decide, since a case has a red task exactly
   * when its earliest due has passed, and otherwise a yellow one exactly when its earliest
   * follow-up date has. Cases without such tasks are absent.
   */
  public Map<String, CaseDue> dueByCase(Collection<String> caseIds) {
    Map<String, CaseDue> result = new HashMap<>();
    if (caseIds.isEmpty()) {
      return result;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<FieldValue> ids = caseIds.stream().map(FieldValue::of).toList();
    var response = unchecked(() -> es.search(s -> s.index(indices.tasks())
        .size(0)
        .query(q -> q.bool(b -> b
            .filter(f -> f.terms(t -> t.field("caseId").terms(v -> v.value(ids))))
            .filter(f -> f.terms(t -> t.field("state").terms(v -> v.value(OPEN))))
            .filter(f -> f.exists(e -> e.field("due")))))
        .aggregations("cases", a -> a.terms(t -> t.field("caseId").size(Math.max(1, ids.size())))
            .aggregations("due", d -> d.min(m -> m.field("due")))
            .aggregations("followUp", d -> d.min(m -> m.field("followUp")))), Void.class));
    for (StringTermsBucket bucket : response.aggregations().get("cases").sterms().buckets().array()) {
      Instant due = instant(bucket.aggregations().get("due").min().value());
      Instant followUp = instant(bucket.aggregations().get("followUp").min().value());
      result.put(bucket.key().stringValue(), new CaseDue(DueState.of(TaskState.CREATED, due, followUp, now), due));
    }
    return result;
  }

  /**
   * The open supervision tasks (督办) addressed to the user's unit that the user may see, soonest
   * due first, each with its due state now.
   */
  public List<TaskDoc> openSupervisions(AppUser user) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String group = "supervisor:" + user.unitCode();
    var response = unchecked(() -> es.search(s -> s.index(indices.tasks())
        .size(200)
        .query(q -> q.bool(b -> b
            .filter(scope.taskFilter(user))
            .filter(f -> f.term(t -> t.field("candidateGroups").value(group)))
            .filter(f -> f.term(t -> t.field("processId").value(SUPERVISION_PROCESS)))
            .filter(f -> f.terms(t -> t.field("state").terms(v -> v.value(OPEN))))))
        .sort(o -> o.field(f -> f.field("due").order(SortOrder.Asc).missing("_last")))
        .sort(o -> o.field(f -> f.field("created").order(SortOrder.Asc))), TaskDoc.class));
    return Documents.sources(response).stream().map(t -> t.at(now)).toList();
  }

  /** The BPMN element ids of the case's open tasks (no scope: for summaries that show no task). */
  public List<String> openElements(String caseId) {
    var response = unchecked(() -> es.search(s -> s.index(indices.tasks())
        .size(50)
        .source(src -> src.filter(f -> f.includes("elementId")))
        .query(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("caseId").value(caseId)))
            .filter(Query.of(f -> f.terms(t -> t.field("state").terms(v -> v.value(OPEN))))))), TaskDoc.class));
    return Documents.sources(response).stream().map(TaskDoc::elementId).filter(java.util.Objects::nonNull).toList();
  }

  private static Instant instant(double millis) {
    return Double.isInfinite(millis) || Double.isNaN(millis) ? null : Instant.ofEpochMilli((long) millis);
  }
}
