package org.jiefen.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Component;

/** Reads the audit index, newest first. */
@Component
class AuditSearch {

  record Filter(
      String actor, AuditAction action, String caseId, AuditOutcome outcome, Instant from, Instant to, int size) {}

  private final ElasticsearchClient es;
  private final Indices indices;

  AuditSearch(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  List<AuditEvent> find(Filter f) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    term(bool, "actor", f.actor());
    term(bool, "action", f.action() == null ? null : f.action().name());
    term(bool, "caseId", f.caseId());
    term(bool, "outcome", f.outcome() == null ? null : f.outcome().name());
    if (f.from() != null || f.to() != null) {
      bool.filter(
          q ->
              q.range(
                  r ->
                      r.untyped(
                          u -> {
                            u.field("at");
                            if (f.from() != null) u.gte(JsonData.of(f.from().toString()));
                            if (f.to() != null) u.lt(JsonData.of(f.to().toString()));
                            return u;
                          })));
    }
    try {
      return es
          .search(
              s ->
                  s.index(indices.audit())
                      .size(f.size())
                      .query(q -> q.bool(bool.build()))
                      .sort(o -> o.field(x -> x.field("at").order(SortOrder.Desc))),
              AuditEvent.class)
          .hits()
          .hits()
          .stream()
          .map(h -> h.source())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void term(BoolQuery.Builder bool, String field, String value) {
    if (value != null) {
      bool.filter(q -> q.term(t -> t.field(field).value(value)));
    }
  }
}
