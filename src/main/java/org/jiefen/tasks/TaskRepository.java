package org.jiefen.tasks;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
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
    unchecked(
        () ->
            es.index(
                i -> i.index(indices.tasks()).id(task.id()).document(task).refresh(visible ? Refresh.WaitFor : Refresh.False)));
  }

  Optional<TaskDoc> find(String id) {
    return Documents.find(es, indices.tasks(), id, TaskDoc.class);
  }

  record Filter(String caseId, String assignee, String candidateGroup, TaskState state) {}

  List<TaskDoc> search(Filter filter, Query scope, int size) {
    List<Query> filters = new ArrayList<>();
    filters.add(scope);
    term(filters, "caseId", filter.caseId());
    term(filters, "assignee", filter.assignee());
    term(filters, "candidateGroups", filter.candidateGroup());
    term(filters, "state", filter.state() == null ? null : filter.state().name());
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

  private static void term(List<Query> filters, String field, String value) {
    if (value != null && !value.isBlank()) {
      filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
    }
  }
}
