package org.jiefen.admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.HashMap;
import java.util.Map;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Component;

/**
 * How many instances run on each process version (by process definition key). The embedded engine
 * answers no instance queries, so the count comes from our own records: open cases carry the key
 * of their main process, and open tasks the key of the (possibly called) process they belong to.
 * A version's count is the larger of the two; a called instance waiting only on a timer, with no
 * open task, is not seen.
 */
@Component
class RunningInstances {

  private static final int MAX_VERSIONS = 1000;

  private final ElasticsearchClient es;
  private final Indices indices;

  RunningInstances(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  Map<Long, Long> byDefinitionKey() {
    Map<Long, Long> counts = new HashMap<>();
    count(indices.cases(), Query.of(q -> q.term(t -> t.field("status").value("OPEN"))), "processInstanceKey")
        .forEach((k, v) -> counts.merge(k, v, Math::max));
    count(indices.tasks(), Query.of(q -> q.terms(t -> t.field("state").terms(v -> v.value(
            java.util.List.of(co.elastic.clients.elasticsearch._types.FieldValue.of("CREATED"),
                co.elastic.clients.elasticsearch._types.FieldValue.of("ASSIGNED")))))), "processInstanceKey")
        .forEach((k, v) -> counts.merge(k, v, Math::max));
    return counts;
  }

  /** Distinct process instances per definition key among the documents the query matches. */
  private Map<Long, Long> count(String index, Query query, String instanceField) {
    var response =
        Documents.unchecked(
            () ->
                es.search(
                    s -> s.index(index)
                        .size(0)
                        .query(query)
                        .aggregations(
                            "versions",
                            Aggregation.of(a -> a.terms(t -> t.field("processDefinitionKey").size(MAX_VERSIONS))
                                .aggregations("instances", Aggregation.of(i -> i.cardinality(c -> c.field(instanceField)))))),
                    Void.class));
    Map<Long, Long> counts = new HashMap<>();
    for (LongTermsBucket bucket : response.aggregations().get("versions").lterms().buckets().array()) {
      counts.put(bucket.key(), bucket.aggregations().get("instances").cardinality().value());
    }
    return counts;
  }
}
