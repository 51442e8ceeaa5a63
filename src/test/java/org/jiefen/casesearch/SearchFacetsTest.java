package org.jiefen.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.search.ElasticsearchProperties;
import org.jiefen.search.IndexTemplates;
import org.jiefen.search.SearchIndex;
import org.jiefen.search.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facet counts on the real node, in an index of their own with 3,000 cases: exact below the
 * threshold, estimated from a sample above it (here lowered to 1,000 matches and a sample of 300,
 * so the sampled path runs on a small index).
 */
class SearchFacetsTest {

  static final String STREET = "440306001000";
  static final String COMMUNITY_A = "440306001001";
  static final String COMMUNITY_B = "440306001002";
  static ElasticsearchClient es;
  static SearchFacets facets;

  @BeforeAll
  static void seed() throws Exception {
    ElasticsearchProperties props = TestElasticsearch.properties("facets-it-" + Long.toString(System.currentTimeMillis(), 36));
    es = TestElasticsearch.client();
    new IndexTemplates(es, props).apply();
    String index = props.index(SearchIndex.CASE_SEARCH);
    List<BulkOperation> ops = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // 2,000 mediations (labour and family alike), 1,000 petitions (labour); 600 in community A, the rest in B
      boolean petition = i % 3 == 2;
      String community = i < 600 ? COMMUNITY_A : COMMUNITY_B;
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("id", "MD-20260101-" + i);
      doc.put("kind", petition ? "petition" : "mediation");
      doc.put("category", petition || i % 3 == 0 ? "labour" : "family");
      doc.put("year", 2025 + i % 2);
      doc.put("status", i % 10 == 0 ? "OPEN" : "CLOSED");
      doc.put("unitPath", List.of("440306000000", STREET, community));
      ops.add(BulkOperation.of(o -> o.index(x -> x.index(index).id(doc.get("id").toString()).document(doc))));
    }
    assertThat(es.bulk(b -> b.refresh(Refresh.True).operations(ops)).errors()).isFalse();
    facets = new SearchFacets(es, () -> index, 1000, 300);
  }

  static SearchFacets.Counts count(Query filter, long matches) {
    Map<String, Query> due = Map.of("NONE", Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("nextDue"))))));
    Map<String, Query> states = new LinkedHashMap<>();
    states.put("open", Query.of(q -> q.term(t -> t.field("status").value("OPEN"))));
    states.put("closed", Query.of(q -> q.term(t -> t.field("status").value("CLOSED"))));
    return facets.count(filter, matches, due, states, List.of(COMMUNITY_A, COMMUNITY_B), Map.of("kind", "petition"),
        (field, value) -> field + ":" + value);
  }

  static long value(SearchFacets.Counts counts, String dimension, String value) {
    return counts.facets().get(dimension).stream().filter(f -> f.value().equals(value))
        .mapToLong(SearchResult.Facet::count).findFirst().orElse(0);
  }

  @Test
  void upToTheThresholdTheCountsAreExact() {
    SearchFacets.Counts c = count(Query.of(q -> q.term(t -> t.field("kind").value("petition"))), 1000);
    assertThat(c.approximate()).isFalse();
    assertThat(value(c, "kind", "petition")).isEqualTo(1000);
    assertThat(value(c, "kind", "mediation")).isZero();
    assertThat(value(c, "category", "labour")).isEqualTo(1000);
    assertThat(value(c, "unit", COMMUNITY_A)).isEqualTo(200);
    assertThat(value(c, "unit", COMMUNITY_B)).isEqualTo(800);
    assertThat(value(c, "year", "2025")).isEqualTo(500);
    assertThat(value(c, "status", "open")).isEqualTo(100);
    assertThat(value(c, "status", "closed")).isEqualTo(900);
    assertThat(value(c, "due", "NONE")).isEqualTo(1000);
    SearchResult.Facet petition = c.facets().get("kind").getFirst();
    assertThat(petition.label()).isEqualTo("kind:petition");
    assertThat(petition.selected()).isTrue();
    assertThat(c.facets()).containsOnlyKeys(SearchFacets.DIMENSIONS);
  }

  @Test
  void aboveItTheyAreEstimatedFromASampleAndScaledBack() {
    SearchFacets.Counts c = count(Query.of(q -> q.matchAll(m -> m)), 3000);
    assertThat(c.approximate()).isTrue();
    // about 300 documents sampled (p = 0.1); the counts are scaled back to the whole
    assertThat(value(c, "kind", "mediation")).isBetween(1400L, 2600L);
    assertThat(value(c, "kind", "petition")).isBetween(600L, 1400L);
    assertThat(value(c, "category", "labour")).isBetween(1400L, 2600L);
    assertThat(value(c, "unit", COMMUNITY_B)).isBetween(1800L, 3000L);
    assertThat(value(c, "status", "closed")).isBetween(2000L, 3400L);
    assertThat(value(c, "due", "NONE")).isBetween(2300L, 3700L);
    // the fixed seed: the same search shows the same figures
    assertThat(count(Query.of(q -> q.matchAll(m -> m)), 3000)).isEqualTo(c);
  }
}
