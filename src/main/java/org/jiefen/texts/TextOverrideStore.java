package org.jiefen.texts;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.util.List;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Repository;

/** The overrides in Elasticsearch, one document per text; writes refresh, since the snapshot is reread at once. */
@Repository
class TextOverrideStore {

  private final ElasticsearchClient es;
  private final Indices indices;

  TextOverrideStore(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  void put(TextOverride override) {
    unchecked(() -> es.index(
        i -> i.index(indices.textOverrides()).id(override.id()).document(override).refresh(Refresh.True)));
  }

  /** Whether there was one to delete. */
  boolean delete(String id) {
    return org.jiefen.search.Documents.deleted(() -> es.delete(d -> d.index(indices.textOverrides()).id(id).refresh(Refresh.True)));
  }

  List<TextOverride> all() {
    return sources(unchecked(() -> es.search(s -> s.index(indices.textOverrides()).size(1000), TextOverride.class)));
  }
}
