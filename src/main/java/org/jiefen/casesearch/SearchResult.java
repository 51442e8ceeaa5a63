package org.jiefen.casesearch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of a search. {@code total}: how many cases match, exactly; {@code next} is the token of
 * the following page, null on the last; {@code exact}: the query was a case number, query code, ID
 * or phone number, answered by exact match. {@code facets} (first page only): per dimension (kind,
 * category, unit, outcome, year, channel, due, status), the values with counts within the user's
 * scope and the current filters; {@code facetsApproximate}: over many matches the counts are
 * estimated from a sample (see {@link SearchFacets}).
 */
public record SearchResult(
    long total,
    List<Hit> hits,
    Map<String, List<Facet>> facets,
    boolean facetsApproximate,
    String next,
    boolean exact) {

  /**
   * One case found. {@code state}: open, closed or archived; {@code due}: GREEN, YELLOW, RED or
   * NONE; {@code title} and {@code snippets} are escaped HTML with the matches in {@code <em>}.
   */
  public record Hit(
      String id,
      String kind,
      String title,
      String state,
      String due,
      Instant created,
      String unitCode,
      String unitName,
      String category,
      String outcome,
      List<String> snippets) {}

  /** A facet value: what to filter by, its label in the request's language, how many cases, whether it is selected. */
  public record Facet(String value, String label, long count, boolean selected) {}
}
