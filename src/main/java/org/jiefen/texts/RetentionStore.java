package org.jiefen.texts;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.util.List;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Repository;

/** The administrators' retention periods in Elasticsearch, one document per {@code kind.outcome}. */
@Repository
class RetentionStore {

  private final ElasticsearchClient es;
  private final Indices indices;

  RetentionStore(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  void put(RetentionOverride override) {
    unchecked(() -> es.index(i -> i.index(indices.retention()).id(override.key()).document(override).refresh(Refresh.True)));
  }

  boolean delete(String key) {
    return org.jiefen.search.Documents.deleted(() -> es.delete(d -> d.index(indices.retention()).id(key).refresh(Refresh.True)));
  }

  List<RetentionOverride> all() {
    return sources(unchecked(() -> es.search(s -> s.index(indices.retention()).size(1000), RetentionOverride.class)));
  }
}
