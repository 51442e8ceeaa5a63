package org.jiefen.admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.util.Map;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Component;

/**
 * Sample data for a form's preview: the process variables the newest task with this form was
 * created with (its {@code formInput}), so options and conditions show as they will. Process
 * variables carry no personal data, so neither does the sample.
 */
@Component
class FormSamples {

  record Input(Map<String, Object> formInput) {}

  private final ElasticsearchClient es;
  private final Indices indices;

  FormSamples(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  Map<String, Object> forForm(String formId) {
    var response =
        Documents.unchecked(
            () ->
                es.search(
                    s -> s.index(indices.tasks())
                        .size(1)
                        .query(q -> q.term(t -> t.field("formId").value(formId)))
                        .sort(o -> o.field(f -> f.field("created").order(SortOrder.Desc)))
                        .source(src -> src.filter(f -> f.includes("formInput"))),
                    Input.class));
    return Documents.sources(response).stream()
        .map(Input::formInput)
        .filter(m -> m != null)
        .findFirst()
        .orElse(Map.of());
  }
}
