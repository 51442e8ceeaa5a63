package org.jiefen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each part of a search costs on the node itself: the median {@code took} of 9 runs (request
 * cache off) for each way of asking, per word, straight against the search index of a running
 * app's Elasticsearch (after {@link ArchiveGenerator} and a reindex). The ways compared are the
 * ones {@code docs/benchmarks.md} reports: the first page as the app asks for it and as it used to
 * (tie breaker 0.3, id as tiebreak), the count, the facets exact and sampled, and a later page in a
 * point in time with and without a tracked total. Scope: the district (all cases).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.SearchQueryCosts
 *   [-Dbench.es=http://127.0.0.1:9250] [-Dbench.index=jiefen-case-search] [-Dbench.words=工资,分期支付,调解]</pre>
 */
public final class SearchQueryCosts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> FIELDS = List.of("title^3", "partyNames^2", "description", "text");

  private SearchQueryCosts() {}

  public static void main(String[] args) throws Exception {
    String es = System.getProperty("bench.es", "http://127.0.0.1:9250");
    String index = System.getProperty("bench.index", "jiefen-case-search");
    String[] words = System.getProperty("bench.words", "工资,分期支付,交通事故,调解").split(",");
    System.out.printf("%-10s %-36s %8s%n", "word", "request", "took ms");
    for (String word : words) {
      long matches = post(es + "/" + index + "/_count", obj("query", filtered(word))).path("count").asLong();
      Map<String, ObjectNode> ways = new LinkedHashMap<>();
      ways.put("first page (score only, tb 0)", page(word, 0.0, false, 10_000));
      ways.put("first page, before (tb 0.3, id tiebreak)", page(word, 0.3, true, 10_000));
      ways.put("count", obj("size", 0).put("track_total_hits", true).set("query", filtered(word)));
      ways.put("facets exact", facets(word, 1.0));
      ways.put("facets sampled (~10,000)", facets(word, Math.min(0.5, 10_000.0 / Math.max(1, matches))));
      for (var way : ways.entrySet()) {
        System.out.printf("%-10s %-36s %8d%n", word, way.getKey(), median(es + "/" + index + "/_search?request_cache=false",
            way.getValue()));
      }
      String pit = post(es + "/" + index + "/_pit?keep_alive=2m", null).path("id").asText();
      for (int total : new int[] {0, 10_000}) {
        ObjectNode later = page(word, 0.0, false, total);
        later.set("pit", obj("id", pit).put("keep_alive", "2m"));
        System.out.printf("%-10s %-36s %8d%n", word, "page 2 in a PIT" + (total > 0 ? ", total tracked" : ""),
            median(es + "/_search", later));
      }
      System.out.printf("%-10s %-36s %8d%n", word, "(matches)", matches);
    }
  }

  private static ObjectNode multiMatch(String word, double tieBreaker) {
    ObjectNode mm = obj("query", word).put("type", "best_fields").put("minimum_should_match", "2<75%");
    ArrayNode fields = mm.putArray("fields");
    FIELDS.forEach(fields::add);
    if (tieBreaker > 0) {
      mm.put("tie_breaker", tieBreaker);
    }
    return (ObjectNode) obj("multi_match", mm);
  }

  private static ObjectNode filtered(String word) {
    return (ObjectNode) obj("bool", obj("filter", JSON.createArrayNode().add(multiMatch(word, 0))));
  }

  private static ObjectNode page(String word, double tieBreaker, boolean idTiebreak, int trackTotal) {
    ObjectNode body = obj("size", 20);
    if (trackTotal > 0) {
      body.put("track_total_hits", trackTotal);
    } else {
      body.put("track_total_hits", false);
    }
    body.set("query", obj("bool", obj("must", JSON.createArrayNode().add(multiMatch(word, tieBreaker)))));
    ArrayNode sort = body.putArray("sort").add(obj("_score", "desc"));
    if (idTiebreak) {
      sort.add(obj("id", "asc"));
    }
    ObjectNode highlight = body.putObject("highlight").put("encoder", "html").putObject("fields");
    highlight.set("title", obj("number_of_fragments", 0));
    highlight.set("partyNames", obj("number_of_fragments", 0));
    highlight.set("description", obj("fragment_size", 60).put("number_of_fragments", 1));
    highlight.set("text", obj("fragment_size", 60).put("number_of_fragments", 2));
    return body;
  }

  private static ObjectNode facets(String word, double probability) {
    ObjectNode aggs = JSON.createObjectNode();
    for (String field : List.of("kind", "category", "outcome", "channel", "year", "unitPath")) {
      aggs.set(field, obj("terms", obj("field", field).put("size", 30)));
    }
    ObjectNode sample = obj("random_sampler", obj("probability", probability).put("seed", 1));
    sample.set("aggs", aggs);
    ObjectNode body = obj("size", 0).put("track_total_hits", false);
    body.set("query", filtered(word));
    body.set("aggs", obj("sample", sample));
    return body;
  }

  private static long median(String url, ObjectNode body) throws Exception {
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      took.add(post(url, body).path("took").asLong());
    }
    Collections.sort(took);
    return took.get(4);
  }

  private static JsonNode post(String url, ObjectNode body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static ObjectNode obj(String key, Object value) {
    ObjectNode node = JSON.createObjectNode();
    if (value instanceof JsonNode v) {
      node.set(key, v);
    } else if (value instanceof Integer v) {
      node.put(key, v);
    } else if (value instanceof Double v) {
      node.put(key, v);
    } else {
      node.put(key, String.valueOf(value));
    }
    return node;
  }
}
