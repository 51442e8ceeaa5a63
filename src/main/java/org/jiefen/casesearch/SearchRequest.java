package org.jiefen.casesearch;

/**
 * A search as the user asked it, unchecked: {@link CaseSearch#search} validates every field and
 * answers a {@link org.jiefen.web.FieldProblem} naming the first bad ones. {@code after} is the
 * opaque token of the previous page's last hit; {@code size} null means 20.
 */
public record SearchRequest(
    String q,
    String kind,
    String category,
    String unit,
    String outcome,
    String year,
    String channel,
    String due,
    String status,
    String after,
    Integer size) {

  public static SearchRequest of(String q) {
    return new SearchRequest(q, null, null, null, null, null, null, null, null, null, null);
  }

  public SearchRequest withAfter(String token) {
    return new SearchRequest(q, kind, category, unit, outcome, year, channel, due, status, token, size);
  }

  public SearchRequest withSize(Integer n) {
    return new SearchRequest(q, kind, category, unit, outcome, year, channel, due, status, after, n);
  }
}
