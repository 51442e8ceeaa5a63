package org.jiefen.admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jiefen.deploy.ModelKind;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Component;

/** Administrators' unfinished edits: at most one draft per model, whoever saved it last. */
@Component
class ModelDrafts {

  record Draft(
      String id, ModelKind kind, String modelId, Integer basedOnVersion, String savedBy, Instant savedAt, String sha256,
      String content) {}

  private final ElasticsearchClient es;
  private final Indices indices;

  ModelDrafts(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  static String id(ModelKind kind, String modelId) {
    return kind.name().toLowerCase() + ":" + modelId;
  }

  void save(Draft draft) {
    Documents.unchecked(() -> es.index(i -> i.index(indices.modelDrafts()).id(draft.id()).document(draft).refresh(
        co.elastic.clients.elasticsearch._types.Refresh.True)));
  }

  Optional<Draft> find(ModelKind kind, String modelId) {
    return Documents.find(es, indices.modelDrafts(), id(kind, modelId), Draft.class);
  }

  void delete(ModelKind kind, String modelId) {
    Documents.unchecked(() -> es.delete(d -> d.index(indices.modelDrafts()).id(id(kind, modelId)).refresh(
        co.elastic.clients.elasticsearch._types.Refresh.True)));
  }

  /** Every draft, without content (for the list page). */
  List<Draft> all() {
    var response = Documents.unchecked(() -> es.search(s -> s.index(indices.modelDrafts()).size(1000)
        .source(src -> src.filter(f -> f.excludes("content"))), Draft.class));
    return Documents.sources(response);
  }
}
