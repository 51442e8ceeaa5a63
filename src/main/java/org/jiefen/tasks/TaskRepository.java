package org.jiefen.tasks;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Repository;

@Repository
class TaskRepository {

  private final ElasticsearchClient es;
  private final Indices indices;

  TaskRepository(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  /** Saves a task; {@code visible} waits until searches see it, for a user who reads their own change. */
  void save(TaskDoc task, boolean visible) {
    TaskDoc stored = task.at(null); // the due state belongs to the moment of reading
    unchecked(
        () ->
            es.index(
                i -> i.index(indices.tasks()).id(stored.id()).document(stored).refresh(visible ? Refresh.WaitFor : Refresh.False)));
  }

  Optional<TaskDoc> find(String id) {
    return Documents.find(es, indices.tasks(), id, TaskDoc.class);
  }

  /** {@code processId}: the tasks of one process (model id, e.g. {@code Mediation}). */
  record Filter(String caseId, String assignee, String candidateGroup, TaskState state, DueState dueState, String owner,
      String processId) {

    Filter(String caseId, String assignee, String candidateGroup, TaskState state, DueState dueState, String owner) {
      this(caseId, assignee, candidateGroup, state, dueState, owner, null);
    }

    Filter(String caseId, String assignee, String candidateGroup, TaskState state) {
      this(caseId, assignee, candidateGroup, state, null, null, null);
    }

    Filter(String caseId, String assignee, String candidateGroup, TaskState state, DueState dueState) {
      this(caseId, assignee, candidateGroup, state, dueState, null, null);
    }
  }

  /**
   * The open tasks of a case, after a refresh: a task indexed a moment ago is among them. For
   * changes to every task of a case (a leader took ownership), which are rare.
   */
  List<TaskDoc> openOf(String caseId) {
    unchecked(() -> es.indices().refresh(r -> r.index(indices.tasks())));
    Query open = Query.of(q -> q.terms(t -> t.field("state").terms(v -> v.value(
        List.of(FieldValue.of(TaskState.CREATED.name()), FieldValue.of(TaskState.ASSIGNED.name()))))));
    return sources(
        unchecked(
            () ->
                es.search(
                    s ->
                        s.index(indices.tasks())
                            .size(1000)
                            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("caseId").value(caseId))).filter(open))),
                    TaskDoc.class)));
  }

  /** Sets the owner fields of a task, leaving the rest as it is (a claim may be writing it at the same time). */
  void setOwner(String id, String owner, String ownerName) {
    java.util.Map<String, Object> fields = new java.util.HashMap<>();
    fields.put("owner", owner);
    fields.put("ownerName", ownerName);
    unchecked(() -> es.update(u -> u.index(indices.tasks()).id(id).doc(fields).retryOnConflict(5), TaskDoc.class));
  }

  /** Tasks by due date (soonest first, none last), then by creation; {@code now} decides the due states. */
  List<TaskDoc> search(Filter filter, Query scope, Instant now, int size) {
    List<Query> filters = new ArrayList<>();
    filters.add(scope);
    term(filters, "caseId", filter.caseId());
    term(filters, "assignee", filter.assignee());
    term(filters, "candidateGroups", filter.candidateGroup());
    term(filters, "state", filter.state() == null ? null : filter.state().name());
    term(filters, "owner", filter.owner());
    term(filters, "processId", filter.processId());
    if (filter.dueState() != null) {
      filters.add(dueState(filter.dueState(), now));
    }
    return sources(
        unchecked(
            () ->
                es.search(
                    s ->
                        s.index(indices.tasks())
                            .size(size)
                            .query(q -> q.bool(b -> b.filter(filters)))
                            .sort(o -> o.field(f -> f.field("due").order(SortOrder.Asc).missing("_last")))
                            .sort(o -> o.field(f -> f.field("created").order(SortOrder.Asc))),
                    TaskDoc.class)));
  }

  /**
   * The range queries that select the tasks {@link DueState#of} gives this state at {@code now}. The
   * app's clock decides, not Elasticsearch's {@code now}: in local mode the clock can be moved.
   */
  static Query dueState(DueState state, Instant now) {
    String at = now.truncatedTo(ChronoUnit.MILLIS).toString();
    Query open = Query.of(q -> q.terms(t -> t.field("state").terms(v -> v.value(
        List.of(FieldValue.of(TaskState.CREATED.name()), FieldValue.of(TaskState.ASSIGNED.name()))))));
    Query hasDue = Query.of(q -> q.exists(e -> e.field("due")));
    Query overdue = Query.of(q -> q.range(r -> r.date(d -> d.field("due").lte(at))));
    Query followUpReached = Query.of(q -> q.range(r -> r.date(d -> d.field("followUp").lte(at))));
    return switch (state) {
      case NONE -> Query.of(q -> q.bool(b -> b.should(s -> s.bool(n -> n.mustNot(hasDue))).should(s -> s.bool(n -> n.mustNot(open)))
          .minimumShouldMatch("1")));
      case RED -> Query.of(q -> q.bool(b -> b.filter(open).filter(overdue)));
      case YELLOW -> Query.of(q -> q.bool(b -> b.filter(open).filter(hasDue).mustNot(overdue).filter(followUpReached)));
      case GREEN -> Query.of(q -> q.bool(b -> b.filter(open).filter(hasDue).mustNot(overdue).mustNot(followUpReached)));
    };
  }

  private static void term(List<Query> filters, String field, String value) {
    if (value != null && !value.isBlank()) {
      filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
    }
  }
}
