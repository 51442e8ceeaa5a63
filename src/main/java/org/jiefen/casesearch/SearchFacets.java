package org.jiefen.casesearch;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The facet counts of a search (kind, category, unit, outcome, year, channel, due, status), in a
 * request of their own with the query in filter context, so the page of hits keeps Elasticsearch's
 * early termination on score and the counts pay nothing for scoring.
 *
 * <p>Up to {@link #EXACT_UP_TO} matches the counts are exact. Above that they are estimated from a
 * random sample of about {@link #SAMPLE} matches ({@code random_sampler}, fixed seed, so the same
 * search shows the same figures; Elasticsearch scales the counts back up) and marked approximate:
 * counting eight dimensions over a million matches cost half a second of a core per search (see
 * docs/benchmarks.md), for figures nobody reads to the last digit.
 */
final class SearchFacets {

  static final long EXACT_UP_TO = 20_000;
  static final long SAMPLE = 10_000;
  static final List<String> DIMENSIONS = List.of("kind", "category", "unit", "outcome", "year", "channel", "due", "status");
  private static final int SEED = 20_260_101;

  /** The counts per dimension; {@code approximate} when estimated from a sample. */
  record Counts(Map<String, List<SearchResult.Facet>> facets, boolean approximate) {}

  /** No counts: every dimension empty (nothing matches), or none at all ({@code dimensions} false: a later page). */
  static Counts none(boolean dimensions) {
    Map<String, List<SearchResult.Facet>> empty = new LinkedHashMap<>();
    if (dimensions) {
      DIMENSIONS.forEach(d -> empty.put(d, List.of()));
    }
    return new Counts(empty, false);
  }

  /** The label of a value of a dimension, in the request's language. */
  interface Labels {
    String label(String dimension, String value);
  }

  private final ElasticsearchClient es;
  private final Supplier<String> index;
  private final long exactUpTo;
  private final long sample;

  /** Counts in {@code index}: exactly up to {@code exactUpTo} matches, else from about {@code sample} of them. */
  SearchFacets(ElasticsearchClient es, Supplier<String> index, long exactUpTo, long sample) {
    if (sample * 2 > exactUpTo) {
      throw new IllegalArgumentException("a sample is at most half the matches (random_sampler's limit)");
    }
    this.es = es;
    this.index = index;
    this.exactUpTo = exactUpTo;
    this.sample = sample;
  }

  /**
   * Counts the {@code matches} documents of {@code filter}; {@code due} and {@code states} are the
   * queries of the due and status values, {@code childUnits} the units the unit facet offers, and
   * {@code selected} the chosen value per dimension.
   */
  Counts count(Query filter, long matches, Map<String, Query> due, Map<String, Query> states, List<String> childUnits,
      Map<String, String> selected, Labels labels) {
    boolean sampled = matches > exactUpTo;
    // A probability of 1 is no sampling: one request shape and one reader for both cases.
    double probability = sampled ? (double) sample / matches : 1.0;
    var response = unchecked(() -> es.search(s -> s.index(index.get()).size(0)
        .trackTotalHits(t -> t.enabled(false)).query(filter)
        .aggregations("sample", a -> a.randomSampler(r -> r.probability(probability).seed(SEED))
            .aggregations(aggregations(due, states, childUnits))), ObjectNode.class));
    // The client has no type for random_sampler's answer: it hands it over as raw JSON, whose
    // sub-aggregations carry typed keys ("sterms#kind", "filters#due", ...).
    JsonNode raw = response.aggregations().get("sample")._custom().to(JsonNode.class);
    Map<String, JsonNode> found = new LinkedHashMap<>();
    raw.properties().forEach(e -> found.put(e.getKey().substring(e.getKey().indexOf('#') + 1), e.getValue()));
    return new Counts(read(found, selected, labels), sampled);
  }

  private static Map<String, Aggregation> aggregations(Map<String, Query> due, Map<String, Query> states,
      List<String> childUnits) {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (String field : List.of("kind", "category", "outcome", "channel")) {
      aggs.put(field, Aggregation.of(a -> a.terms(t -> t.field(field).size(30))));
    }
    aggs.put("year", Aggregation.of(a -> a.terms(t -> t.field("year").size(30)
        .order(List.of(NamedValue.of("_key", SortOrder.Desc))))));
    if (!childUnits.isEmpty()) {
      aggs.put("unit", Aggregation.of(a -> a.terms(t -> t.field("unitPath").size(childUnits.size())
          .include(i -> i.terms(childUnits)))));
    }
    aggs.put("due", Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(due)))));
    aggs.put("status", Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(states)))));
    return aggs;
  }

  private static Map<String, List<SearchResult.Facet>> read(Map<String, JsonNode> aggs, Map<String, String> selected,
      Labels labels) {
    Map<String, List<SearchResult.Facet>> out = new LinkedHashMap<>();
    for (String field : DIMENSIONS) {
      JsonNode buckets = aggs.containsKey(field) ? aggs.get(field).path("buckets") : null;
      String chosen = selected.get(field);
      List<SearchResult.Facet> values = new ArrayList<>();
      if (buckets != null && buckets.isArray()) { // terms: kind, category, unit, outcome, year, channel
        for (JsonNode b : buckets) {
          String value = b.path("key").asText();
          String label = "year".equals(field) ? value : labels.label(field, value);
          values.add(new SearchResult.Facet(value, label, b.path("doc_count").asLong(), value.equals(chosen)));
        }
      } else if (buckets != null && buckets.isObject()) { // keyed filters: due, status
        buckets.properties().forEach(e -> {
          long count = e.getValue().path("doc_count").asLong();
          if (count > 0 || e.getKey().equals(chosen)) {
            values.add(new SearchResult.Facet(e.getKey(), labels.label(field, e.getKey()), count, e.getKey().equals(chosen)));
          }
        });
      }
      out.put(field, values);
    }
    return out;
  }
}
